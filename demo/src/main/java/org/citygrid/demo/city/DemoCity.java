package org.citygrid.demo.city;

import java.nio.file.Files;
import java.nio.file.Path;

import org.citygrid.sample.SampleCity;
import org.citygrid.sample.SampleCityFiles;
import org.citygrid.sample.SampleCityGenerator;

/**
 * The demo's city: grid-model's Dongcheng sample city, generated on the first run and read back from the data
 * folder afterwards, so that the grids the cloud geocodes against, the sensors the edge nodes register and the
 * accounts stay the same from one run to the next.
 */
public final class DemoCity {
    /** Fixed: the same seed gives the same city, so the demo documentation can name its streets. */
    public static final long SEED = 1;

    private DemoCity() {
    }

    /** The city in {@code dir}, generating and writing it first when the folder holds none. */
    public static SampleCity loadOrCreate(Path dir) {
        SampleCityFiles files = new SampleCityFiles();
        if (Files.isRegularFile(dir.resolve(SampleCityFiles.SENSORS))) {
            return files.read(dir);
        }
        SampleCity city = new SampleCityGenerator(SEED).generate();
        files.write(city, dir);
        return city;
    }

    /** The GeoJSON file of the unit grids, as cloud-backend reads it. */
    public static Path gridsFile(Path dir) {
        return dir.resolve(SampleCityFiles.GRIDS);
    }
}
