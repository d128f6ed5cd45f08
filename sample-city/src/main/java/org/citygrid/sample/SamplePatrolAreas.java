package org.citygrid.sample;

import java.util.List;
import org.citygrid.model.cases.Role;
import org.citygrid.model.grid.AreaName;
import org.citygrid.model.grid.GridCode;
import org.citygrid.model.grid.GridHierarchy;
import org.citygrid.model.patrol.PatrolArea;

/**
 * The sample city's patrol areas (监督网格): one per grid worker, the three to six neighbouring grids
 * of one community that the worker patrols, named after the community ("多福巷社区第2监督网格").
 */
final class SamplePatrolAreas {

    private SamplePatrolAreas() {
    }

    static List<PatrolArea> of(GridHierarchy grids, List<Worker> workers) {
        return workers.stream().filter(w -> w.role() == Role.GRID_WORKER).map(w -> {
            GridCode first = w.gridCodes().get(0);
            var community = grids.grid(first).orElseThrow().community();
            String number = w.id().substring(w.id().lastIndexOf('-') + 1);
            int n = Integer.parseInt(number);
            return new PatrolArea("PA-" + community.code() + "-" + number,
                    new AreaName(community.name().zh() + "第" + n + "监督网格", community.name().en() + " Patrol Area " + n),
                    w.gridCodes(), List.of(w.id()));
        }).toList();
    }
}
