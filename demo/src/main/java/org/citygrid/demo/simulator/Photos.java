package org.citygrid.demo.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Small real JPEGs for the evidence a handler or checker must attach: mobile-api reads the type from the bytes,
 * so a placeholder that is not an image would be refused.
 */
final class Photos {
    private Photos() {
    }

    static byte[] jpeg(String caption) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(caption.hashCode() | 0x404040));
        g.fillRect(0, 0, 160, 120);
        g.setColor(Color.BLACK);
        g.drawString(caption.length() > 24 ? caption.substring(0, 24) : caption, 6, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
