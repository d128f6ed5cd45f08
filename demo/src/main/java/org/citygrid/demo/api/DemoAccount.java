package org.citygrid.demo.api;

import java.util.List;

/**
 * A demo account, in the shape of mobile-api's {@code POST /api/v1/accounts} body (docs/mobile-api.md), which is
 * also the file ({@code accounts.json}) the demo writes and the simulator reads to act as these people.
 *
 * @param role          {@code OPERATOR}, {@code HANDLER}, {@code GRID_WORKER} or {@code RESIDENT}
 * @param department    a handler's department code
 * @param communityCode a resident's community
 * @param gridCodes     a grid worker's grids
 */
public record DemoAccount(String username, String password, String displayName, String role, String department,
                          String communityCode, List<String> gridCodes) {
    public DemoAccount {
        gridCodes = gridCodes == null ? null : List.copyOf(gridCodes);
    }
}
