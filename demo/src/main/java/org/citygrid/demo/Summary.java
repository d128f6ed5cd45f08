package org.citygrid.demo;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.citygrid.demo.api.DemoAccount;
import org.citygrid.demo.api.MadeAccounts;
import org.citygrid.demo.api.PhoneApp;
import org.citygrid.demo.city.EdgeSite;
import org.citygrid.demo.data.DataFolder;
import org.citygrid.demo.data.DemoSecrets;
import org.citygrid.demo.services.CloudBackendHttp;
import org.citygrid.demo.services.DemoServices;

/**
 * The block the demo prints once everything runs: where each service is, and the accounts with their passwords,
 * yours next to the console's address. The phone app's line appears only when mobile-api serves the app.
 */
final class Summary {
    private Summary() {
    }

    static String of(DemoOptions options, DataFolder data, DemoServices services, DemoSecrets secrets,
                     List<EdgeSite> sites, MadeAccounts accounts) {
        StringBuilder s = new StringBuilder("\n");
        s.append("CityGrid demo is running. Ctrl-C stops it; the data stays in ").append(data.root()).append('\n');
        if (options.starts("mobile-api")) {
            URI api = services.apiBase();
            s.append("  map console    ").append(api).append("/console   sign in as operator / ")
                    .append(secrets.peoplePassword()).append('\n');
            PhoneApp.address(api).ifPresent(app -> s.append("  phone app      ").append(app)
                    .append("   for residents and grid workers\n"));
            if (!accounts.yours().isEmpty()) {
                s.append("  try it         ").append(String.join(", ", accounts.yours().stream()
                                .map(a -> a.username() + " (" + a.role().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                                .toList())).append(" / ").append(secrets.peoplePassword()).append('\n')
                        .append("                 in ").append(accounts.yourCommunity().name()).append(", ")
                        .append(accounts.yourStreet().name()).append(": yours alone, the simulator never acts there\n");
            }
            s.append("  API            ").append(api).append("/api/v1   (OpenAPI: ").append(api)
                    .append("/swagger-ui/index.html)\n");
            s.append("  administrator  admin / ").append(secrets.adminPassword()).append('\n');
            s.append("  health         ").append(api).append("/manage/health, metrics ").append(api)
                    .append("/manage/prometheus (with the administrator's token)\n");
            if (!accounts.simulated().isEmpty()) {
                s.append("  simulated      ").append(String.join(", ", accounts.simulated().stream()
                                .map(DemoAccount::username).filter(u -> !u.startsWith("handler-")).toList()))
                        .append(", handler-<department> / ").append(secrets.peoplePassword()).append("   (")
                        .append(services.accountsFile()).append(")\n");
            }
        }
        for (EdgeSite site : sites) {
            s.append("  ").append(site.name()).append("         street ").append(site.streetCode()).append(' ')
                    .append(site.streetName()).append(": coap://127.0.0.1:")
                    .append(options.ports().edgePlain(site.index() - 1)).append(", coaps://127.0.0.1:")
                    .append(options.ports().edgeDtls(site.index() - 1)).append(", ")
                    .append(site.devices().size()).append(" devices (keys in ").append(site.devicesFile()).append(")\n");
        }
        if (options.starts("cloud-backend")) {
            CloudBackendHttp cloud = CloudBackendHttp.fromLog(data.log("cloud-backend"));
            s.append("  case cycle     ").append(cloud.health()).append(", metrics ").append(cloud.metrics())
                    .append('\n');
        }
        s.append("  Kafka          127.0.0.1:").append(options.ports().kafka()).append('\n');
        s.append("  PostgreSQL     jdbc:postgresql://127.0.0.1:").append(options.ports().postgres()).append('/')
                .append(DemoRun.DATABASE).append("?user=postgres\n");
        s.append("  logs           ").append(data.root().resolve("logs")).append('\n');
        s.append("The demo watches every service: if one ends by itself, it says which, with the end of its log.\n");
        return s.toString();
    }
}
