package org.citygrid.api.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.citygrid.contracts.topics.TopicCatalogue;

/** Topic names, configurable because a shared cluster may prefix them. */
@ConfigurationProperties("citygrid.topics")
public class GridTopics {

    private String intake = TopicCatalogue.INTAKE.name();
    private String commands = TopicCatalogue.COMMANDS.name();
    private String commandRejections = TopicCatalogue.COMMAND_REJECTIONS.name();
    private String intakeRejections = TopicCatalogue.INTAKE_REJECTIONS.name();
    private String deadLetters = TopicCatalogue.DEAD_LETTERS.name();

    public String getIntake() {
        return intake;
    }

    public void setIntake(String intake) {
        this.intake = intake;
    }

    public String getCommands() {
        return commands;
    }

    public void setCommands(String commands) {
        this.commands = commands;
    }

    public String getCommandRejections() {
        return commandRejections;
    }

    public void setCommandRejections(String commandRejections) {
        this.commandRejections = commandRejections;
    }

    public String getIntakeRejections() {
        return intakeRejections;
    }

    public void setIntakeRejections(String intakeRejections) {
        this.intakeRejections = intakeRejections;
    }

    public String getDeadLetters() {
        return deadLetters;
    }

    public void setDeadLetters(String deadLetters) {
        this.deadLetters = deadLetters;
    }
}
