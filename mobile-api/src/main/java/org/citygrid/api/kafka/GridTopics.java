package org.citygrid.api.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Topic names, configurable because a shared cluster may prefix them. */
@ConfigurationProperties("citygrid.topics")
public class GridTopics {

    private String intake = "grid.intake";
    private String commands = "grid.commands";
    private String commandRejections = "grid.command-rejections";

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
}
