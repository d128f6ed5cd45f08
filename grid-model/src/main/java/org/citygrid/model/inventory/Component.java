package org.citygrid.model.inventory;

import java.time.LocalDate;
import java.util.Objects;
import org.citygrid.model.component.ComponentCode;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.grid.GridCode;

/**
 * One component of the inventory (部件), with the attributes CJ/T 214 / GB/T 30428.2 give a
 * component record: code, position, the unit grid it stands in, its owner (权属) and maintaining
 * (养护) departments, its state, when it was surveyed and when its record last changed.
 *
 * @param code        部件标识码; its class digits are the component's category
 * @param position    WGS 84
 * @param gridCode    所在单元网格: the unit grid the position falls in
 * @param owner       权属部门: a department code of the catalogue, e.g. {@code WATER_SUPPLY}
 * @param maintainer  养护部门, if another than the owner; {@code null} otherwise
 * @param state       what it was last found like
 * @param surveyedOn  初始日期: the survey that recorded it
 * @param changedOn   变更日期: the last change of its record, or {@code null}
 * @param note        备注, or {@code null}
 */
public record Component(ComponentCode code, GeoPoint position, GridCode gridCode, String owner, String maintainer,
                        ComponentState state, LocalDate surveyedOn, LocalDate changedOn, String note) {

    public Component {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(gridCode, "gridCode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(surveyedOn, "surveyedOn");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("component " + code + " needs an owner department");
        }
        if (changedOn != null && changedOn.isBefore(surveyedOn)) {
            throw new IllegalArgumentException("component " + code + " changed on " + changedOn + ", before its survey on " + surveyedOn);
        }
    }

    /** The category of the component's class, e.g. {@code C0118} for a street lamp. */
    public String categoryCode() {
        return code.categoryCode();
    }

    /** The department that maintains it: the maintainer if named, otherwise the owner. */
    public String maintainedBy() {
        return maintainer != null ? maintainer : owner;
    }
}
