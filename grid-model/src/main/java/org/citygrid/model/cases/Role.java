package org.citygrid.model.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who acts on a case: a person's post, or {@link #SYSTEM}, the case-cycle service itself acting on a
 * category's rules (automatic filing and dispatch, task assignment, SLA clocks, duplicate merging).
 *
 * <p>The two centres are kept apart (监管分离, GB/T 30428.1): the supervision centre (监督中心) has
 * the {@link #ACCEPTOR} and the {@link #SHIFT_LEADER}, the command centre (指挥中心) the
 * {@link #DISPATCHER}. What each post may ask for is one table, {@link CommandRoles}, shown in
 * docs/roles.md. {@link #OPERATOR} is the single desk role of earlier versions: it holds every post
 * of both centres, so existing accounts keep working; new accounts take a post.
 */
public enum Role {
    /** 居民: reports problems, follows and rates them. */
    RESIDENT("居民", Centre.NONE),
    /** 网格员 / 城市管理监督员: patrols, reports, and verifies and checks on site when sent. */
    GRID_WORKER("网格监督员", Centre.NONE),
    /** 处置人员: works for a department the command centre dispatches to. */
    HANDLER("处置人员", Centre.NONE),
    /** 受理员: takes reports in, merges duplicates, sends verification and check tasks. */
    ACCEPTOR("受理员", Centre.SUPERVISION),
    /** 值班长: files or dismisses, corrects reports, voids, closes; approves the second tier of extensions. */
    SHIFT_LEADER("值班长", Centre.SUPERVISION),
    /** 派遣员: dispatches, takes cases back, approves 延期 and 缓办, presses departments (督办, 催办). */
    DISPATCHER("派遣员", Centre.COMMAND),
    /** 领导: reads the evaluation; approves the last tier of extensions and puts cases on the ledger (挂账). */
    LEADER("中心领导", Centre.COMMAND),
    /**
     * The desk role of earlier versions, kept so that existing accounts and the demo keep working:
     * it holds every post of both centres and the leader's ({@link #holds}). New accounts take a post.
     */
    OPERATOR("值班员（旧）", Centre.BOTH),
    /** 系统管理员: manages accounts; may void a case entered by mistake. */
    ADMIN("系统管理员", Centre.NONE),
    /** The case-cycle service itself. */
    SYSTEM("系统", Centre.NONE);

    /** Which centre a post belongs to. */
    public enum Centre {
        /** 监督中心: takes reports in, files, checks and closes. */
        SUPERVISION,
        /** 指挥中心: dispatches and follows the departments. */
        COMMAND,
        /** Both centres: only the legacy {@link #OPERATOR}. */
        BOTH,
        /** Not a centre post. */
        NONE
    }

    private static final Set<Role> LEGACY_OPERATOR_HOLDS = EnumSet.of(ACCEPTOR, SHIFT_LEADER, DISPATCHER, LEADER);

    private final String nameZh;
    private final Centre centre;

    Role(String nameZh, Centre centre) {
        this.nameZh = nameZh;
        this.centre = centre;
    }

    /** The post's name in Chinese, e.g. 受理员. */
    public String nameZh() {
        return nameZh;
    }

    public Centre centre() {
        return centre;
    }

    /** Whether this is a post of the supervision or the command centre (the legacy operator included). */
    public boolean isCentrePost() {
        return centre != Centre.NONE;
    }

    /**
     * Whether someone in this role may act as {@code post}: every role holds itself, and the legacy
     * {@link #OPERATOR} holds the acceptor, shift leader, dispatcher and leader.
     */
    public boolean holds(Role post) {
        return this == post || this == OPERATOR && LEGACY_OPERATOR_HOLDS.contains(post);
    }

    /** The posts the legacy {@link #OPERATOR} holds. */
    public static Set<Role> legacyOperatorPosts() {
        return EnumSet.copyOf(LEGACY_OPERATOR_HOLDS);
    }
}
