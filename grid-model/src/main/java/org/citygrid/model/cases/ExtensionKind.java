package org.citygrid.model.cases;

/** What a department's request for time asks for. */
public enum ExtensionKind {
    /** 延期: more handling time; the handling deadline moves on by the time granted. */
    EXTENSION("延期"),
    /** 缓办: the work waits (season, funding, works planned); the handling clock stops until resumed. */
    POSTPONEMENT("缓办");

    private final String nameZh;

    ExtensionKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
