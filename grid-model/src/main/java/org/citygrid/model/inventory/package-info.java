/**
 * The component inventory (部件普查): every manhole cover, lamp, hydrant and bin of a district with
 * its code, class, position, owner department and state. A register is read from GeoJSON like the
 * grids ({@link org.citygrid.model.inventory.ComponentGeoJson}), checked against the catalogue and
 * the grids with a problem list ({@link org.citygrid.model.inventory.ComponentValidator}), and
 * indexed for "components near this point" ({@link org.citygrid.model.inventory.ComponentIndex}).
 * See docs/components.md.
 */
package org.citygrid.model.inventory;
