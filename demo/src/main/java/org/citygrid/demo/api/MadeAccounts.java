package org.citygrid.demo.api;

import java.util.List;

import org.citygrid.model.grid.Community;
import org.citygrid.model.grid.Street;

/**
 * The accounts a demo run made through mobile-api: the simulator's people ({@code accounts.json}, which the simulator
 * reads) and yours ({@code your-accounts.json}, which it never reads), in a community of their own.
 */
public record MadeAccounts(List<DemoAccount> simulated, List<DemoAccount> yours, Community yourCommunity,
                           Street yourStreet) {
    /** None made: the demo ran without mobile-api. */
    public static final MadeAccounts NONE = new MadeAccounts(List.of(), List.of(), null, null);

    public MadeAccounts {
        simulated = List.copyOf(simulated);
        yours = List.copyOf(yours);
    }
}
