package org.citygrid.cloud.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.citygrid.cloud.dispatch.AutoDispatch;
import org.citygrid.cloud.dispatch.HandlerLoad;
import org.citygrid.cloud.dispatch.ResponsibilityTable;
import org.citygrid.cloud.duplicates.DuplicateRule;
import org.citygrid.cloud.duplicates.IntakeRouter;
import org.citygrid.cloud.duplicates.OpenCaseIndex;
import org.citygrid.cloud.filing.AutoFiling;
import org.citygrid.cloud.indicators.IndicatorBuffer;
import org.citygrid.cloud.indicators.IndicatorContributions;
import org.citygrid.cloud.ledger.CaseLedger;
import org.citygrid.cloud.ledger.CaseStore;
import org.citygrid.cloud.ledger.CaseTracker;
import org.citygrid.cloud.ledger.FollowUps;
import org.citygrid.cloud.notify.Notifier;
import org.citygrid.cloud.sla.SlaPolicy;
import org.citygrid.cloud.sla.SlaSchedule;
import org.citygrid.cloud.streams.stores.BufferedTable;
import org.citygrid.cloud.streams.stores.GlobalResponsibilityRows;
import org.citygrid.cloud.streams.stores.StoreTable;
import org.citygrid.cloud.streams.stores.TableCaseStore;
import org.citygrid.model.cases.CaseDecider;
import org.citygrid.model.cases.CaseRules;
import org.citygrid.model.category.CategoryCatalogue;

/** Builds a {@link CaseTask} on the state stores of the task a processor runs in. */
final class CaseTasks {

    /** The stores a case processor must be connected to. */
    static final String[] STORES = {CaseStore.STORE, OpenCaseIndex.STORE, HandlerLoad.STORE, SlaSchedule.STORE,
            IndicatorBuffer.STORE};

    private final CaseRules rules;
    private final CategoryCatalogue catalogue;
    private final SlaPolicy sla;
    private final DuplicateRule duplicates;
    private final List<CaseTracker> meters;
    private final DeadLetters letters;

    /** @param meters trackers of the whole application (metrics), besides each task's own */
    CaseTasks(CaseRules rules, CategoryCatalogue catalogue, SlaPolicy sla, DuplicateRule duplicates,
              List<CaseTracker> meters, DeadLetters letters) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.sla = sla;
        this.duplicates = duplicates;
        this.meters = List.copyOf(meters);
        this.letters = letters;
    }

    CaseTask task(ProcessingContext context) {
        List<BufferedTable<?>> buffers = new ArrayList<>();
        OpenCaseIndex openCases = new OpenCaseIndex(buffered(context, OpenCaseIndex.STORE, buffers), duplicates.distanceMetres());
        HandlerLoad load = new HandlerLoad(buffered(context, HandlerLoad.STORE, buffers));
        SlaSchedule schedule = new SlaSchedule(buffered(context, SlaSchedule.STORE, buffers), sla);
        IndicatorBuffer tallies = new IndicatorBuffer(buffered(context, IndicatorBuffer.STORE, buffers),
                new IndicatorContributions(rules));
        CaseStore cases = new TableCaseStore(buffered(context, CaseStore.STORE, buffers));
        ResponsibilityTable table = new ResponsibilityTable(
                new GlobalResponsibilityRows(context.getStateStore(GlobalResponsibilityRows.STORE)), catalogue);
        List<CaseTracker> trackers = new ArrayList<>(List.of(openCases, load, tallies));
        trackers.addAll(meters);
        CaseLedger ledger = new CaseLedger(new CaseDecider(rules), cases, new FollowUps(new AutoFiling(rules),
                new AutoDispatch(table, load), trackers, schedule, new Notifier(rules)));
        return new CaseTask(ledger, new IntakeRouter(ledger, openCases, duplicates), schedule, sla, tallies, buffers, letters);
    }

    private static <V> BufferedTable<V> buffered(ProcessingContext context, String store, List<BufferedTable<?>> buffers) {
        KeyValueStore<String, V> kv = context.getStateStore(store);
        BufferedTable<V> table = new BufferedTable<>(new StoreTable<>(kv));
        buffers.add(table);
        return table;
    }
}
