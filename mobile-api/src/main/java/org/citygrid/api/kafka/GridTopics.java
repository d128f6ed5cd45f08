package org.citygrid.api.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.citygrid.contracts.topics.Topics;

/**
 * The topics mobile-api reads and writes, named by grid-contracts' catalogue ({@link Topics}): the
 * documented names behind the deployment's prefix ({@code citygrid.topics.prefix}, from
 * {@code CITYGRID_TOPIC_PREFIX} as for cloud-backend). No name is written here or in application.yml;
 * a single topic may still be renamed ({@code citygrid.topics.case-events: ...}) for a cluster whose
 * names were chosen before the prefix existed.
 */
@ConfigurationProperties("citygrid.topics")
public class GridTopics {

    private String prefix = "";
    private String intake;
    private String commands;
    private String commandRejections;
    private String intakeRejections;
    private String deadLetters;
    private String caseEvents;
    private String notifications;

    private Topics catalogue() {
        return new Topics(prefix);
    }

    private static String or(String renamed, String catalogued) {
        return renamed == null || renamed.isBlank() ? catalogued : renamed;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public String getIntake() {
        return or(intake, catalogue().intake());
    }

    public void setIntake(String intake) {
        this.intake = intake;
    }

    public String getCommands() {
        return or(commands, catalogue().commands());
    }

    public void setCommands(String commands) {
        this.commands = commands;
    }

    public String getCommandRejections() {
        return or(commandRejections, catalogue().commandRejections());
    }

    public void setCommandRejections(String commandRejections) {
        this.commandRejections = commandRejections;
    }

    public String getIntakeRejections() {
        return or(intakeRejections, catalogue().intakeRejections());
    }

    public void setIntakeRejections(String intakeRejections) {
        this.intakeRejections = intakeRejections;
    }

    public String getDeadLetters() {
        return or(deadLetters, catalogue().deadLetters());
    }

    public void setDeadLetters(String deadLetters) {
        this.deadLetters = deadLetters;
    }

    public String getCaseEvents() {
        return or(caseEvents, catalogue().caseEvents());
    }

    public void setCaseEvents(String caseEvents) {
        this.caseEvents = caseEvents;
    }

    public String getNotifications() {
        return or(notifications, catalogue().notifications());
    }

    public void setNotifications(String notifications) {
        this.notifications = notifications;
    }
}
