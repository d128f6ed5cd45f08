package org.citygrid.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the CityGrid mobile API (port 8080 unless {@code MICRONAUT_SERVER_PORT} says otherwise). */
@OpenAPIDefinition(info = @Info(
        title = "CityGrid mobile API",
        version = "v1",
        description = "Residents, grid workers, handlers and operators; Open311 GeoReport v2 under /open311/v2. "
                + "Writes are accepted (202) and become Kafka records; reads come from the PostGIS read model."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
