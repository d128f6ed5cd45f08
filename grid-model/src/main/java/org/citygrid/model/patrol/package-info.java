/**
 * Patrol areas and duty: a patrol area (监督网格, 责任网格) groups unit grids under the supervisors
 * who patrol them; the case cycle sends verification and check tasks by it
 * ({@link org.citygrid.model.patrol.PatrolAreas#supervisorFor}); a supervisor's track points during a
 * shift give the on-duty rate (在岗率) and the coverage of the area
 * ({@link org.citygrid.model.patrol.DutyCalculator}). Formulas in docs/evaluation.md; storing
 * tracks is the services'.
 */
package org.citygrid.model.patrol;
