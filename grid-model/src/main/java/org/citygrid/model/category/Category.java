package org.citygrid.model.category;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One problem or service category of the catalogue, with everything the case cycle needs to file,
 * dispatch and time a case of it.
 *
 * <p>Instances come from {@link CategoryCatalogue}, which has checked them against each other; the
 * constructor only guards the invariants a single category can check on its own.
 *
 * @param code                  identity, e.g. {@code C0101}
 * @param majorClass            the major class the code belongs to
 * @param name                  name in Chinese and English
 * @param responsibleDepartment the department answerable for the category (owner of a component, the
 *                              professional department of an event or service)
 * @param dispatchOrder         candidate departments in the order the command centre tries them; for
 *                              components the owner comes first, then the territory, for events the
 *                              territory first, then the owner; contains {@code responsibleDepartment}
 * @param filingCriteria        立案标准: when a report of this category is accepted as a case
 * @param timeLimits            budget per step, counted on {@code slaClock}
 * @param slaClock              whether the limits count working hours or every hour
 * @param autoFilingChannels    channels whose reports are filed without review; others queue
 * @param sensorTypes           sensor types whose alarms are reports of this category
 * @param priority              queue priority
 * @param open311               Open311 service discovery entry
 * @param keywords              search words (Chinese and English) for report classification
 * @param codeSource            how far the code was verified against public tables
 * @param closingCriteria       结案标准: what the on-site check must find for the case to close; shown at
 *                              closing. {@code null} only in catalogue files before format 2
 * @param timeLimitSource       the id of the {@link CatalogueSource} the time limits follow;
 *                              {@code null} when they are CityGrid's own defaults
 */
public record Category(
        CategoryCode code,
        MajorClass majorClass,
        LocalizedText name,
        Department responsibleDepartment,
        List<Department> dispatchOrder,
        LocalizedText filingCriteria,
        TimeLimits timeLimits,
        SlaClockKind slaClock,
        Set<AutoFilingChannel> autoFilingChannels,
        Set<SensorType> sensorTypes,
        Priority priority,
        Open311Service open311,
        List<String> keywords,
        CodeSource codeSource,
        LocalizedText closingCriteria,
        String timeLimitSource) {

    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(majorClass, "majorClass");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(responsibleDepartment, "responsibleDepartment");
        Objects.requireNonNull(filingCriteria, "filingCriteria");
        Objects.requireNonNull(timeLimits, "timeLimits");
        Objects.requireNonNull(slaClock, "slaClock");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(open311, "open311");
        Objects.requireNonNull(codeSource, "codeSource");
        if (majorClass.kind() != code.kind() || majorClass.code() != code.major()) {
            throw new IllegalArgumentException(code + " is not in major class " + majorClass);
        }
        dispatchOrder = List.copyOf(dispatchOrder);
        if (!dispatchOrder.contains(responsibleDepartment)) {
            throw new IllegalArgumentException(
                    code + ": dispatch order must include the responsible department " + responsibleDepartment.code());
        }
        autoFilingChannels = immutableEnumSet(autoFilingChannels, AutoFilingChannel.class);
        sensorTypes = immutableEnumSet(sensorTypes, SensorType.class);
        keywords = List.copyOf(keywords);
    }

    /** A category as catalogue files before format 2 describe it: no closing criteria, CityGrid's own time limits. */
    public Category(CategoryCode code, MajorClass majorClass, LocalizedText name, Department responsibleDepartment,
                    List<Department> dispatchOrder, LocalizedText filingCriteria, TimeLimits timeLimits,
                    SlaClockKind slaClock, Set<AutoFilingChannel> autoFilingChannels, Set<SensorType> sensorTypes,
                    Priority priority, Open311Service open311, List<String> keywords, CodeSource codeSource) {
        this(code, majorClass, name, responsibleDepartment, dispatchOrder, filingCriteria, timeLimits, slaClock,
                autoFilingChannels, sensorTypes, priority, open311, keywords, codeSource, null, null);
    }

    /** The category's kind, shorthand for {@code code().kind()}. */
    public CategoryKind kind() {
        return code.kind();
    }

    /** Whether a report from {@code channel} is filed without waiting for an operator. */
    public boolean filesAutomaticallyFrom(AutoFilingChannel channel) {
        return autoFilingChannels.contains(channel);
    }

    // EnumSet keeps declaration order, so the catalogue writes sets the same way every time.
    private static <E extends Enum<E>> Set<E> immutableEnumSet(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }
}
