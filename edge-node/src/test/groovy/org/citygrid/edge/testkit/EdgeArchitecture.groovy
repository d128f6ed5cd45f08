package org.citygrid.edge.testkit

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

import com.tngtech.archunit.lang.ArchRule

/**
 * edge-node's architecture rules, for any root package: the real one ({@code org.citygrid.edge})
 * and the fixture of deliberate violations that shows each rule can fail.
 */
class EdgeArchitecture {

    private EdgeArchitecture() {
    }

    /** Packages by feature, none reaching back into one that uses it. */
    static ArchRule noPackageCycles(String root) {
        slices().matching("${root}.(*)..").namingSlices('$1').should().beFreeOfCycles()
    }

    /**
     * Californium and Scandium types only in the protocol adapter ({@code coap}), as Eclipse Hono keeps
     * each protocol in its adapter: the domain handlers (ingest, reports, outbox, forwarding) could
     * serve another protocol unchanged.
     */
    static ArchRule californiumOnlyInCoap(String root) {
        noClasses().that().resideInAPackage("${root}..").and().resideOutsideOfPackage("${root}.coap..")
                .should().dependOnClassesThat().resideInAPackage('org.eclipse.californium..')
                .because('the CoAP protocol adapter (coap) is the one place that speaks Californium')
    }
}
