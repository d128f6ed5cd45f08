/**
 * One rule set for every piece of text that enters CityGrid from outside: a patrol report posted to
 * an edge node, a report or case action sent to the API, an Open311 request. Every entry checks the
 * same field kind with the same {@link org.citygrid.model.text.TextRule}, so a value one door takes
 * is never refused (or, worse, stored and then choked on) behind another.
 *
 * <p>Use:
 * <pre>{@code
 * List<TextViolation> problems = TextRules.description().named("text").check(value);
 * // or, to get the value to store:
 * String stored = TextRules.description().named("text").accept(value); // throws TextRejectedException
 * }</pre>
 *
 * <p>The rules, by field kind (lengths in Unicode code points, after normalisation):
 * <table>
 *   <caption>Field kinds</caption>
 *   <tr><th>rule</th><th>what</th><th>length</th><th>characters</th></tr>
 *   <tr><td>{@link org.citygrid.model.text.TextRules#description()}</td><td>what a person wrote about a
 *       problem</td><td>0–2000</td><td>plain text; line feeds and tabs allowed</td></tr>
 *   <tr><td>{@link org.citygrid.model.text.TextRules#note()}</td><td>a reason or remark on a case step</td>
 *       <td>0–1000</td><td>plain text; line feeds and tabs allowed</td></tr>
 *   <tr><td>{@link org.citygrid.model.text.TextRules#label()}</td><td>a short single-line value: a unit, a
 *       title shown in a list</td><td>0–64</td><td>plain text on one line</td></tr>
 *   <tr><td>{@link org.citygrid.model.text.TextRules#reporterId()}</td><td>an account or device id that
 *       names a reporter</td><td>1–64</td><td>{@code A-Z a-z 0-9 . _ @ : -}, first a letter or digit</td></tr>
 *   <tr><td>{@link org.citygrid.model.text.TextRules#deviceId()}</td><td>a sensor's or field device's
 *       id</td><td>1–64</td><td>{@code A-Z a-z 0-9 . _ -}, first a letter or digit</td></tr>
 *   <tr><td>{@link org.citygrid.model.text.TextRules#reportId()}</td><td>a device's own id for one of its
 *       reports</td><td>1–64</td><td>{@code A-Z a-z 0-9 . _ -}</td></tr>
 * </table>
 *
 * <p>What "plain text" refuses, and why, is on {@link org.citygrid.model.text.TextRule}.
 */
package org.citygrid.model.text;
