#!/usr/bin/python3
"""QGIS peer of the report benchmark (run_report_bench.sh): the map-only community atlas made with PyQGIS.

Builds an A4 portrait QgsPrintLayout (12 mm margins, the same item rectangles as the bench's map-only CityTwin
template): a title label with the community's name, a map of communities, river, roads, buildings and stations
(simple styles: roads and stations by category, the atlas community outlined, community names labelled) that
follows each community with a 10 % margin, a north arrow (QGIS's default north arrow SVG), a scale bar, a legend
and a page-number footer; an atlas over the communities layer (one page per feature), exported with
QgsLayoutExporter.exportToPdf(atlas, ...) into ONE vector PDF (rasterizeWholeImage=False, forceVectorOutput=True).

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/bench/qgis_atlas.py PROJECT.gpkg OUT.pdf
Prints one line: setup_s=... export_s=... pages=... (export_s is the exportToPdf call alone, without QGIS start-up,
layer loading or layout building). Needs Debian's qgis and python3-qgis (apt-get install qgis python3-qgis).
"""
import os
import sys
import time

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRendererCategory,
    QgsScaleBarSettings,
    QgsSymbolLayer,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

FONT = "Noto Sans CJK SC"  # the community names are Chinese
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
AREA_W, AREA_H = PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN

STATION_COLOURS = {
    "after_school": "#1b9e77", "canteen": "#d95f02", "childcare": "#7570b3", "civilization_practice": "#e7298a",
    "day_care": "#66a61e", "elderly_home": "#e6ab02", "service_center": "#a6761d", "social_work": "#666666",
    "warm_station": "#17becf",
}


def place(item, x, y, w, h):
    """Places a layout item at [x, y, w, h], fractions of the printable area (as the CityTwin template's rects)."""
    item.attemptMove(QgsLayoutPoint(MARGIN + x * AREA_W, MARGIN + y * AREA_H, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w * AREA_W, h * AREA_H, QgsUnitTypes.LayoutMillimeters))


def layer(gpkg, name):
    loaded = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not loaded.isValid():
        sys.exit(f"qgis_atlas.py: cannot open layer {name} of {gpkg}")
    return loaded


def text_format(size, bold=False):
    fmt = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    return fmt


def style(layers):
    communities = layers["communities"]
    fill = QgsFillSymbol.createSimple({"color": "#f2efe9", "outline_color": "#c8c0b0", "outline_width": "0.2"})
    # The atlas community outlined, as CityTwin outlines the page's area.
    fill.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeColor,
        QgsProperty.fromExpression("if(@atlas_featureid = $id, '#1f4e9c', '#c8c0b0')"))
    fill.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression("if(@atlas_featureid = $id, 0.6, 0.2)"))
    communities.renderer().setSymbol(fill)
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    labels.setFormat(text_format(7))
    communities.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    communities.setLabelsEnabled(True)

    layers["river"].renderer().setSymbol(
        QgsFillSymbol.createSimple({"color": "#a9cbe8", "outline_color": "#7fb0d8", "outline_width": "0.2"}))
    layers["buildings"].renderer().setSymbol(
        QgsFillSymbol.createSimple({"color": "#b9b2a6", "outline_color": "#8f887c", "outline_width": "0.1"}))
    layers["roads"].setRenderer(QgsCategorizedSymbolRenderer("class", [
        QgsRendererCategory("main", QgsLineSymbol.createSimple({"color": "#f0c070", "width": "0.8"}), "main"),
        QgsRendererCategory("local", QgsLineSymbol.createSimple({"color": "#e0dcd4", "width": "0.4"}), "local"),
    ]))
    layers["stations"].setRenderer(QgsCategorizedSymbolRenderer("kind", [
        QgsRendererCategory(kind, QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": colour, "outline_color": "white", "size": "1.6"}), kind)
        for kind, colour in STATION_COLOURS.items()
    ]))


def build(gpkg):
    project = QgsProject.instance()
    layers = {name: layer(gpkg, name) for name in ("communities", "river", "roads", "buildings", "stations")}
    style(layers)
    project.setCrs(layers["communities"].crs())  # EPSG:4548; a headless project starts without one
    for loaded in layers.values():
        project.addMapLayer(loaded)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.pageCollection().page(0).setPageSize("A4", 0)  # QgsLayoutItemPage.Portrait

    title = QgsLayoutItemLabel(layout)
    title.setText('[% "name" %]')
    font = QFont(FONT, 18)
    font.setBold(True)
    title.setFont(font)  # QGIS 3.22's labels take a QFont (setTextFormat came in 3.24)
    layout.addLayoutItem(title)
    place(title, 0, 0, 1, 0.07)

    atlas_map = QgsLayoutItemMap(layout)
    atlas_map.setLayers([layers[n] for n in ("stations", "buildings", "roads", "river", "communities")])
    atlas_map.setFrameEnabled(True)
    layout.addLayoutItem(atlas_map)
    place(atlas_map, 0, 0.08, 1, 0.78)
    atlas_map.zoomToExtent(layers["communities"].extent())  # keeps the item's size (setExtent resizes it)
    atlas_map.setAtlasDriven(True)
    atlas_map.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    atlas_map.setAtlasMargin(0.10)

    north = QgsLayoutItemPicture(layout)
    north.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
    north.setLinkedMap(atlas_map)
    north.setNorthMode(QgsLayoutItemPicture.GridNorth)
    layout.addLayoutItem(north)
    place(north, 0.93, 0.09, 0.06, 0.06)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(atlas_map)
    scalebar.setUnits(QgsUnitTypes.DistanceMeters)
    scalebar.setUnitLabel("m")
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(30)
    scalebar.setMaximumBarWidth(0.3 * AREA_W - 10)
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setTextFormat(text_format(7))
    layout.addLayoutItem(scalebar)
    place(scalebar, 0.01, 0.82, 0.3, 0.04)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(atlas_map)
    legend.setColumnCount(3)
    legend.setSplitLayer(True)
    legend.setSymbolHeight(2.5)
    legend.setSymbolWidth(5)
    legend.setResizeToContents(False)
    for style_name in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                       QgsLegendStyle.SymbolLabel):
        legend.rstyle(style_name).setFont(QFont(FONT, 6))
        legend.rstyle(style_name).setMargin(QgsLegendStyle.Top, 0.6)
    layout.addLayoutItem(legend)
    place(legend, 0, 0.87, 1, 0.13)

    footer = QgsLayoutItemLabel(layout)
    footer.setText("Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]")
    footer.setFont(QFont(FONT, 6))
    footer.setHAlign(Qt.AlignRight)
    layout.addLayoutItem(footer)
    footer.attemptMove(QgsLayoutPoint(MARGIN, PAGE_H - MARGIN + 2, QgsUnitTypes.LayoutMillimeters))
    footer.attemptResize(QgsLayoutSize(AREA_W, 5, QgsUnitTypes.LayoutMillimeters))

    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["communities"])
    atlas.setPageNameExpression('"name"')
    atlas.setEnabled(True)
    return project, layout


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gpkg, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    started = time.perf_counter()
    project, layout = build(gpkg)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    if os.path.exists(out):
        os.remove(out)
    built = time.perf_counter()
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), out, settings)
    exported = time.perf_counter()
    if result != QgsLayoutExporter.Success:
        sys.exit(f"qgis_atlas.py: export failed ({result}): {error}")
    print(f"setup_s={built - started:.3f} export_s={exported - built:.3f} pages={layout.atlas().count()}", flush=True)
    project.clear()
    app.exitQgis()


if __name__ == "__main__":
    main()
