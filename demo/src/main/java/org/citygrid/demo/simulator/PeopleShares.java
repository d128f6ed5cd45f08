package org.citygrid.demo.simulator;

/**
 * How often the simulated people leave the straight path of the closed loop.
 *
 * @param returnShare    share of freshly dispatched tasks a handler gives back (回退) as not their department's
 * @param extensionShare share of accepted tasks on which a handler asks for more time (申请延期), once per case
 * @param approveShare   share of extension requests the command desk approves; it refuses the rest
 */
public record PeopleShares(double returnShare, double extensionShare, double approveShare) {
    public static final PeopleShares DEFAULT = new PeopleShares(0.05, 0.1, 0.8);

    public PeopleShares {
        check("returnShare", returnShare);
        check("extensionShare", extensionShare);
        check("approveShare", approveShare);
    }

    private static void check(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + share);
        }
    }
}
