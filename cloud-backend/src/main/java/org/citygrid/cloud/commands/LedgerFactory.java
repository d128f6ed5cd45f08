package org.citygrid.cloud.commands;

import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.citygrid.cloud.dispatch.AutoDispatch;
import org.citygrid.cloud.dispatch.HandlerLoad;
import org.citygrid.cloud.dispatch.ResponsibilityTable;
import org.citygrid.cloud.duplicates.OpenCaseIndex;
import org.citygrid.cloud.filing.AutoFiling;
import org.citygrid.cloud.indicators.IndicatorBuffer;
import org.citygrid.cloud.indicators.IndicatorContributions;
import org.citygrid.cloud.notify.Notifier;
import org.citygrid.cloud.sla.SlaPolicy;
import org.citygrid.cloud.sla.SlaSchedule;
import org.citygrid.contracts.dispatch.Responsibility;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.category.CategoryCatalogue;

/** Builds a {@link CaseLedger} on the state stores of the task a processor runs in. */
public final class LedgerFactory {

    private final CaseRules rules;
    private final CategoryCatalogue catalogue;
    private final SlaPolicy sla;
    private final double duplicateDistanceMetres;

    public LedgerFactory(CaseRules rules, CategoryCatalogue catalogue, SlaPolicy sla, double duplicateDistanceMetres) {
        this.duplicateDistanceMetres = duplicateDistanceMetres;
        this.rules = rules;
        this.catalogue = catalogue;
        this.sla = sla;
    }

    public SlaPolicy sla() {
        return sla;
    }

    /** The stores a processor using a ledger must be connected to. */
    public static String[] stores() {
        return new String[] {CaseLedger.STORE, OpenCaseIndex.STORE, HandlerLoad.STORE, SlaSchedule.STORE, IndicatorBuffer.STORE};
    }

    public CaseLedger ledger(ProcessingContext context) {
        KeyValueStore<String, CaseHistory> cases = context.getStateStore(CaseLedger.STORE);
        OpenCaseIndex openCases = new OpenCaseIndex(context.getStateStore(OpenCaseIndex.STORE), duplicateDistanceMetres);
        HandlerLoad load = new HandlerLoad(context.getStateStore(HandlerLoad.STORE));
        TimestampedKeyValueStore<String, Responsibility> rows = context.getStateStore(ResponsibilityTable.STORE);
        ResponsibilityTable table = new ResponsibilityTable(rows, catalogue);
        return new CaseLedger(new CaseDecider(rules), cases, openCases, load,
                context.getStateStore(SlaSchedule.STORE), sla, new AutoFiling(rules),
                new AutoDispatch(table, load), new Notifier(rules), new IndicatorContributions(rules),
                new IndicatorBuffer(context.getStateStore(IndicatorBuffer.STORE)));
    }

    public OpenCaseIndex openCases(ProcessingContext context) {
        return new OpenCaseIndex(context.getStateStore(OpenCaseIndex.STORE), duplicateDistanceMetres);
    }
}
