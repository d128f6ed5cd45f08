package org.citygrid.cloud.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citygrid.contracts.indicators.DailyTally;
import org.citygrid.contracts.topics.TopicCatalogue;
import org.citygrid.contracts.topics.Topics;
import org.citygrid.model.cases.CaseEvent;
import org.citygrid.model.cases.CaseSnapshot;
import org.citygrid.model.cases.Channel;
import org.citygrid.model.intake.IntakeRecord;
import org.citygrid.model.wire.WireFormatException;

/**
 * Writes records of the projected topics to the read model in one transaction: sensor alarms from the
 * intake first, so that events can point sensors at their cases, then the events, the latest snapshot
 * of each case and the highest tally of each key.
 */
final class ReadModelWriter {

    /** A record of a topic the case cycle wrote that is not that topic's format. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Topics topics;

    ReadModelWriter(Topics topics) {
        this.topics = topics;
    }

    /**
     * @throws SQLException the database's answer; the transaction is rolled back
     * @throws Unreadable   for a record that cannot be read (nothing is written)
     */
    void write(Connection c, Collection<ConsumerRecord<String, byte[]>> records) throws SQLException {
        List<IntakeRecord> alarms = new ArrayList<>();
        List<CaseEvent> events = new ArrayList<>();
        Map<String, CaseSnapshot> latest = new LinkedHashMap<>();
        Map<String, DailyTally> tallyByKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            byte[] value = NulFree.strip(r.value());
            String topic = r.topic();
            if (topic.equals(topics.intake())) {
                IntakeRecord intake = readIntake(value);
                if (intake != null && intake.channel() == Channel.SENSOR && intake.alarm() != null) {
                    alarms.add(intake);
                }
                continue;
            }
            try {
                if (topic.equals(topics.caseEvents())) {
                    events.add(TopicCatalogue.CASE_EVENTS.read(value));
                } else if (topic.equals(topics.cases())) {
                    // several snapshots of a case in one batch: only the highest version matters
                    CaseSnapshot s = TopicCatalogue.CASES.read(value);
                    latest.merge(s.caseId(), s, (a, b) -> a.version() >= b.version() ? a : b);
                } else if (topic.equals(topics.indicators())) {
                    DailyTally t = TopicCatalogue.INDICATORS.read(value);
                    tallyByKey.merge(t.key(), t, (a, b) -> a.events() >= b.events() ? a : b);
                }
            } catch (WireFormatException | IllegalArgumentException e) {
                throw new Unreadable(e.getMessage(), e);
            }
        }
        try {
            SensorRows.upsert(c, alarms);
            EventRows.insert(c, events);
            SensorRows.linkCases(c, events);
            CaseRows.upsert(c, latest.values());
            IndicatorRows.upsert(c, tallyByKey.values());
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is replaced anyway
            }
            throw e;
        }
    }

    /** Bad intake is the case cycle's to reject (grid.intake-rejections); the read model skips it. */
    private static IntakeRecord readIntake(byte[] value) {
        try {
            return TopicCatalogue.INTAKE.read(value);
        } catch (WireFormatException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The database's answer in one line: PgJDBC puts the statement's own error in the next exception of a batch. */
    static String describe(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        return cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")";
    }
}
