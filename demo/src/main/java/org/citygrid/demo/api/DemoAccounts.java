package org.citygrid.demo.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.citygrid.demo.DemoException;
import org.citygrid.model.category.CategoryCatalogue;
import org.citygrid.model.category.Department;
import org.citygrid.model.grid.Community;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.grid.Street;
import org.citygrid.model.grid.UnitGrid;

/**
 * The people of the demo, made through mobile-api as an administrator would: an operator, one handler per
 * city-wide department of the category catalogue, a grid worker and a resident for each edge node's street.
 * They share one password, made per data folder.
 *
 * <p>Territorial departments (street offices, community committees) get no handler: their codes carry the
 * area ({@code STREET_OFFICE:110101001}), which mobile-api's account department pattern does not allow yet, so
 * cases dispatched to them wait for a person.
 */
public final class DemoAccounts {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoAccounts() {
    }

    /** Who the demo makes, for the streets of its edge nodes. */
    public static List<DemoAccount> plan(GridHierarchy grids, List<String> streetCodes, String password) {
        List<DemoAccount> accounts = new ArrayList<>();
        accounts.add(new DemoAccount("operator", password, "值班长 Demo Operator", "OPERATOR", null, null, null));
        for (Department d : CategoryCatalogue.loadDefault().departments()) {
            if (!d.isTerritorial()) {
                accounts.add(new DemoAccount("handler-" + d.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), password,
                        "处置 " + d.code(), "HANDLER", d.code(), null, null));
            }
        }
        for (String street : streetCodes) {
            List<String> streetGrids = grids.grids().stream().map(UnitGrid::code)
                    .filter(code -> code.streetCode().equals(street)).map(Object::toString).toList();
            accounts.add(new DemoAccount("worker-" + street, password, "网格员 " + street, "GRID_WORKER", null, null,
                    streetGrids));
            String community = grids.communitiesOf(street).getFirst().code();
            accounts.add(new DemoAccount("resident-" + street, password, "居民 " + street, "RESIDENT", null, community,
                    null));
        }
        return accounts;
    }

    /**
     * The accounts for a person to try, which the simulator never acts as (they are not in {@code accounts.json}):
     * {@code resident-demo}, a resident of {@link #yourCommunity}, and {@code worker-demo}, the grid worker of that
     * community's grids, so that the resident's reports there are the worker's to verify and check; and one account
     * for each post of the two centres (acceptor, dispatcher, shift leader, leader), each with its own desk. No simulated
     * resident or grid worker lives or works in its street; the simulator's operator (the city's desk) and handlers
     * (the departments, city-wide) still move their cases on.
     */
    public static List<DemoAccount> yours(GridHierarchy grids, List<String> simulatedStreets, String password) {
        String community = yourCommunity(grids, simulatedStreets).code();
        List<String> communityGrids = grids.gridsOf(community).stream().map(g -> g.code().toString()).toList();
        return List.of(
                new DemoAccount("resident-demo", password, "居民 Demo Resident", "RESIDENT", null, community, null),
                new DemoAccount("worker-demo", password, "网格员 Demo Grid Worker", "GRID_WORKER", null, null,
                        communityGrids),
                // the centres' posts (docs/roles.md), one desk each, city-wide as the centres are
                new DemoAccount("acceptor-demo", password, "受理员 Demo Acceptor", "ACCEPTOR", null, null, null),
                new DemoAccount("dispatcher-demo", password, "派遣员 Demo Dispatcher", "DISPATCHER", null, null, null),
                new DemoAccount("shift-leader-demo", password, "值班长 Demo Shift Leader", "SHIFT_LEADER", null, null,
                        null),
                new DemoAccount("leader-demo", password, "领导 Demo Leader", "LEADER", null, null, null));
    }

    /**
     * The community of {@link #yours}: the first one of the city's first street that none of the simulator's people
     * live or work in.
     */
    public static Community yourCommunity(GridHierarchy grids, List<String> simulatedStreets) {
        Street street = grids.streets().stream().filter(s -> !simulatedStreets.contains(s.code())).findFirst()
                .orElseThrow(() -> new DemoException("the sample city has no street left for your own accounts:"
                        + " every one of its " + grids.streets().size() + " streets is simulated"));
        return grids.communitiesOf(street.code()).getFirst();
    }

    /**
     * Creates every account that does not exist yet, signed in as the administrator. The idempotency key is the
     * username, so a later run's request is answered from the first one's record, or refused as taken: either
     * way the account is there.
     *
     * @throws DemoException naming the account and mobile-api's answer when one cannot be made
     */
    public static void ensure(ApiClient api, String adminPassword, List<DemoAccount> accounts) {
        String token = api.signIn("admin", adminPassword);
        for (DemoAccount account : accounts) {
            ApiClient.Response r = api.post("/api/v1/accounts", token, account, "demo-account-" + account.username());
            boolean taken = r.status() == 409 || r.status() == 422 && r.body().toString().contains("username-taken");
            if (!r.ok() && !taken) {
                throw new DemoException("mobile-api did not create the demo account " + account.username() + ": HTTP "
                        + r.status() + " " + r.body());
            }
        }
    }

    public static void write(Path file, List<DemoAccount> accounts) {
        try {
            JSON.writeValue(file.toFile(), accounts);
        } catch (IOException e) {
            throw new DemoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<DemoAccount> read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), new TypeReference<List<DemoAccount>>() { });
        } catch (IOException e) {
            throw new DemoException("cannot read the accounts file " + file + ": " + e.getMessage(), e);
        }
    }
}
