package org.citygrid.model.inventory;

/**
 * The state a component was last found in (部件状态), as the inventory records it.
 */
public enum ComponentState {
    /** 完好: in place and working. */
    NORMAL("完好"),
    /** 破损: in place but broken. */
    DAMAGED("破损"),
    /** 丢失: missing. */
    LOST("丢失"),
    /** 占用: in place but built over, fenced in or otherwise taken. */
    OCCUPIED("占用"),
    /** 废弃: out of use or taken away; kept in the register for its history. */
    REMOVED("废弃");

    private final String nameZh;

    ComponentState(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
