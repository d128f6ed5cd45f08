package org.citygrid.api.console

import io.micronaut.context.annotation.Requires
import io.micronaut.http.HttpResponse
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.security.annotation.Secured
import io.micronaut.security.rules.SecurityRule

import javax.imageio.ImageIO
import java.awt.Color
import java.awt.image.BufferedImage
import java.util.concurrent.atomic.AtomicInteger

/**
 * A local raster tile server for the browser specs (the machine has no internet): every tile a
 * light square with a darker grid line, and a count of the tiles asked for. On only where a spec
 * sets citygrid.test.tiles.
 */
@Controller('/test-tiles')
@Requires(property = 'citygrid.test.tiles', value = 'true')
@Secured(SecurityRule.IS_ANONYMOUS)
class TestTiles {

    static final AtomicInteger REQUESTS = new AtomicInteger()
    private static final byte[] TILE = drawTile()

    @Get(value = '/{z}/{x}/{y}.png', produces = 'image/png')
    HttpResponse<byte[]> tile(int z, int x, int y) {
        REQUESTS.incrementAndGet()
        // as tile services do (Tianditu, AMap): MapLibre fetches tiles of another origin with CORS
        HttpResponse.ok(TILE).contentType('image/png').header('Access-Control-Allow-Origin', '*')
    }

    private static byte[] drawTile() {
        def image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB)
        def g = image.createGraphics()
        g.color = new Color(0xdd, 0xe4, 0xea)
        g.fillRect(0, 0, 256, 256)
        g.color = new Color(0x9a, 0xa8, 0xb5)
        g.drawLine(0, 0, 255, 0)
        g.drawLine(0, 0, 0, 255)
        g.dispose()
        def out = new ByteArrayOutputStream()
        ImageIO.write(image, 'png', out)
        out.toByteArray()
    }
}
