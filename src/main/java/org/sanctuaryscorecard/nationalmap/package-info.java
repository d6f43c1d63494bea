/**
 * The national map: a choropleth of the states or counties, coloured by one map layer, with its table twin. Layers
 * come from other modules through {@link MapLayers}: this module knows no source itself except the one it was built
 * with, the published assessments ({@code internal.AssessmentMapLayers}). A module adds layers by declaring a Spring
 * bean that implements {@link MapLayers}; the page and {@code GET /api/map} list it from then on.
 */
package org.sanctuaryscorecard.nationalmap;
