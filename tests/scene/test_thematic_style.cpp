#include "data/core/vector_layer.hpp"
#include "scene/thematic_style.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <QStringList>
#include <QTest>

#include <osg/Vec3>

using namespace citytwin;

namespace
{
/// A layer with fields "name" and field, one feature per text.
data::VectorLayer layerWith(const std::string& field, const std::vector<std::string>& texts)
{
    data::VectorLayer layer;
    layer.name = "blocks";
    layer.kind = data::GeometryKind::Polygon;
    layer.fieldNames = {"name", field};
    for (std::size_t i = 0; i < texts.size(); ++i)
    {
        data::Feature feature;
        feature.fid = static_cast<std::int64_t>(i);
        feature.values = {"block " + std::to_string(i), texts[i]};
        layer.features.push_back(feature);
    }
    return layer;
}

std::vector<std::string> numbers(int first, int last)
{
    std::vector<std::string> texts;
    for (int value = first; value <= last; ++value)
        texts.push_back(std::to_string(value));
    return texts;
}

QString text(const osg::Vec4& color)
{
    return QStringLiteral("(%1, %2, %3, %4)").arg(color.r()).arg(color.g()).arg(color.b()).arg(color.a());
}

QStringList labels(const scene::Legend& legend)
{
    QStringList result;
    for (const scene::LegendEntry& entry : legend.entries)
        result << QString::fromStdString(entry.label);
    return result;
}

#define COMPARE_COLOR(actual, expected)                                                                                \
    QVERIFY2((actual) == (expected), qPrintable(text(actual) + QStringLiteral(", expected ") + text(expected)))

/// Whether every two colours differ by more than distance in RGB.
bool allApart(const std::vector<osg::Vec4>& colors, float distance)
{
    for (std::size_t i = 0; i < colors.size(); ++i)
        for (std::size_t j = i + 1; j < colors.size(); ++j)
        {
            const osg::Vec4 difference = colors[i] - colors[j];
            if (osg::Vec3(difference.r(), difference.g(), difference.b()).length() <= distance)
                return false;
        }
    return true;
}

float luminance(const osg::Vec4& color)
{
    return 0.2126f * color.r() + 0.7152f * color.g() + 0.0722f * color.b();
}
} // namespace

class TestThematicStyle : public QObject
{
    Q_OBJECT
private slots:
    void rampsRunFromLowToHigh()
    {
        for (scene::ColorRamp ramp : {scene::ColorRamp::YellowOrangeRed, scene::ColorRamp::Blues,
                                      scene::ColorRamp::Greens, scene::ColorRamp::Viridis})
        {
            const std::vector<osg::Vec4> colors = scene::rampColors(ramp, 5);
            QCOMPARE(colors.size(), std::size_t(5));
            QVERIFY(allApart(colors, 0.05f));
            // Sequential: lightness changes one way along the ramp (Viridis runs dark to light, the others light
            // to dark).
            const bool darkening = luminance(colors.front()) > luminance(colors.back());
            QCOMPARE(darkening, ramp != scene::ColorRamp::Viridis);
            for (std::size_t i = 1; i < colors.size(); ++i)
                QCOMPARE(luminance(colors[i - 1]) > luminance(colors[i]), darkening);
            COMPARE_COLOR(scene::rampColors(ramp, 2).front(), colors.front());
            COMPARE_COLOR(scene::rampColors(ramp, 2).back(), colors.back());
            QCOMPARE(scene::rampColors(ramp, 1).size(), std::size_t(1));
            QVERIFY(scene::rampColors(ramp, 0).empty());
        }
    }

    void graduatedFollowsClasses()
    {
        const data::VectorLayer layer = layerWith("population", numbers(0, 100));
        const scene::ThematicColors colors = scene::graduatedColors(
            layer, "population", 4, data::ClassMethod::EqualInterval, scene::ColorRamp::YellowOrangeRed);
        const std::vector<osg::Vec4> ramp = scene::rampColors(scene::ColorRamp::YellowOrangeRed, 4);
        QCOMPARE(colors.perFeature.size(), layer.features.size());
        COMPARE_COLOR(colors.perFeature[0], ramp[0]);
        COMPARE_COLOR(colors.perFeature[24], ramp[0]);
        COMPARE_COLOR(colors.perFeature[25], ramp[1]);
        COMPARE_COLOR(colors.perFeature[60], ramp[2]);
        COMPARE_COLOR(colors.perFeature[100], ramp[3]);

        QCOMPARE(QString::fromStdString(colors.legend.title), QStringLiteral("population"));
        QCOMPARE(labels(colors.legend), (QStringList{"0 – 25", "25 – 50", "50 – 75", "75 – 100"}));
        for (std::size_t i = 0; i < ramp.size(); ++i)
            COMPARE_COLOR(colors.legend.entries[i].color, ramp[i]);
    }

    void graduatedLabelsShowTheNeededDecimals()
    {
        // Quantile edges are midpoints between the classes: 25.5, 50.5, 75.5.
        const scene::ThematicColors quantiles = scene::graduatedColors(
            layerWith("rent", numbers(1, 100)), "rent", 4, data::ClassMethod::Quantile, scene::ColorRamp::Blues);
        QCOMPARE(labels(quantiles.legend), (QStringList{"1 – 25.5", "25.5 – 50.5", "50.5 – 75.5", "75.5 – 100"}));
        // Small fractions keep their digits; long ones are rounded.
        const scene::ThematicColors ratios =
            scene::graduatedColors(layerWith("ratio", {"0", "0.25", "0.5", "1"}), "ratio", 2,
                                   data::ClassMethod::EqualInterval, scene::ColorRamp::Greens);
        QCOMPARE(labels(ratios.legend), (QStringList{"0 – 0.5", "0.5 – 1"}));
        const scene::ThematicColors thirds =
            scene::graduatedColors(layerWith("share", {"0", "1", "2"}), "share", 3, data::ClassMethod::EqualInterval,
                                   scene::ColorRamp::Greens);
        QCOMPARE(labels(thirds.legend), (QStringList{"0 – 0.667", "0.667 – 1.333", "1.333 – 2"}));
        const scene::ThematicColors large =
            scene::graduatedColors(layerWith("area", {"1000", "250000.75", "1000000"}), "area", 3,
                                   data::ClassMethod::EqualInterval, scene::ColorRamp::Greens);
        QCOMPARE(labels(large.legend), (QStringList{"1000 – 334000", "334000 – 667000", "667000 – 1000000"}));
    }

    void graduatedNoData()
    {
        const data::VectorLayer layer = layerWith("floors", {"1", "", "5", "n/a", "12", "30"});
        const scene::ThematicColors colors =
            scene::graduatedColors(layer, "floors", 3, data::ClassMethod::NaturalBreaks, scene::ColorRamp::Viridis);
        const std::vector<osg::Vec4> ramp = scene::rampColors(scene::ColorRamp::Viridis, 3);
        COMPARE_COLOR(colors.perFeature[0], ramp[0]);
        COMPARE_COLOR(colors.perFeature[1], scene::NoDataColor);
        COMPARE_COLOR(colors.perFeature[3], scene::NoDataColor);
        COMPARE_COLOR(colors.perFeature[5], ramp[2]);
        QCOMPARE(colors.legend.entries.size(), std::size_t(4));
        QCOMPARE(labels(colors.legend).back(), QStringLiteral("no data"));
        COMPARE_COLOR(colors.legend.entries.back().color, scene::NoDataColor);

        // Without any number, every feature is "no data".
        const scene::ThematicColors none =
            scene::graduatedColors(layer, "missing", 3, data::ClassMethod::Quantile, scene::ColorRamp::Blues);
        QCOMPARE(none.perFeature.size(), layer.features.size());
        QVERIFY(std::all_of(none.perFeature.begin(), none.perFeature.end(),
                            [](const osg::Vec4& color) { return color == scene::NoDataColor; }));
        QCOMPARE(labels(none.legend), QStringList{"no data"});
    }

    void graduatedFewerValuesThanClasses()
    {
        const scene::ThematicColors colors =
            scene::graduatedColors(layerWith("floors", {"6", "6", "6"}), "floors", 5, data::ClassMethod::NaturalBreaks,
                                   scene::ColorRamp::Blues);
        QCOMPARE(labels(colors.legend), QStringList{"6"});
        COMPARE_COLOR(colors.perFeature[0], scene::rampColors(scene::ColorRamp::Blues, 1)[0]);
    }

    void categorizedIsStableAndDistinct()
    {
        std::vector<std::string> uses{"residential", "park", "school",      "residential", "commercial",
                                      "park",        "park", "residential", "commercial",  "residential",
                                      "commercial",  "",     "residential"};
        const data::VectorLayer layer = layerWith("use", uses);
        const scene::ThematicColors colors = scene::categorizedColors(layer, "use");
        // By count, then by name: commercial and park both have 3.
        QCOMPARE(labels(colors.legend), (QStringList{"residential", "commercial", "park", "school", "no data"}));
        QCOMPARE(QString::fromStdString(colors.legend.title), QStringLiteral("use"));
        std::vector<osg::Vec4> legendColors;
        for (const scene::LegendEntry& entry : colors.legend.entries)
            legendColors.push_back(entry.color);
        QVERIFY(allApart(legendColors, 0.2f));

        // Every feature takes its category's legend colour; the empty value is "no data".
        for (std::size_t i = 0; i < uses.size(); ++i)
        {
            const auto entry = std::find_if(colors.legend.entries.begin(), colors.legend.entries.end(),
                                            [&](const scene::LegendEntry& candidate)
                                            { return candidate.label == (uses[i].empty() ? "no data" : uses[i]); });
            QVERIFY(entry != colors.legend.entries.end());
            COMPARE_COLOR(colors.perFeature[i], entry->color);
        }
        COMPARE_COLOR(colors.perFeature[11], scene::NoDataColor);

        // The same categories in another order get the same colours.
        std::reverse(uses.begin(), uses.end());
        const scene::ThematicColors reversed = scene::categorizedColors(layerWith("use", uses), "use");
        QCOMPARE(labels(reversed.legend), labels(colors.legend));
        for (std::size_t i = 0; i < colors.legend.entries.size(); ++i)
            COMPARE_COLOR(reversed.legend.entries[i].color, colors.legend.entries[i].color);
    }

    void categorizedGroupsTheRestAsOther_data()
    {
        QTest::addColumn<int>("categories");
        QTest::addColumn<bool>("withOther");
        QTest::newRow("11") << 11 << false;
        QTest::newRow("12") << 12 << true;
        QTest::newRow("20") << 20 << true;
    }

    void categorizedGroupsTheRestAsOther()
    {
        QFETCH(int, categories);
        QFETCH(bool, withOther);
        // Category i occurs (categories - i) times, so the order by count is known.
        std::vector<std::string> texts;
        for (int i = 0; i < categories; ++i)
            for (int repeat = 0; repeat < categories - i; ++repeat)
                texts.push_back("type " + std::to_string(100 + i));
        const scene::ThematicColors colors = scene::categorizedColors(layerWith("type", texts), "type");

        const QStringList legend = labels(colors.legend);
        QCOMPARE(legend.size(), withOther ? 12 : categories);
        QCOMPARE(legend.first(), QStringLiteral("type 100"));
        QCOMPARE(legend.contains(QStringLiteral("other")), withOther);
        QVERIFY(!legend.contains(QStringLiteral("no data")));
        std::vector<osg::Vec4> legendColors;
        for (const scene::LegendEntry& entry : colors.legend.entries)
            legendColors.push_back(entry.color);
        legendColors.push_back(scene::NoDataColor);
        QVERIFY(allApart(legendColors, 0.2f));

        // The rarest category keeps its own colour, or takes that of "other" beyond the eleventh.
        QCOMPARE(legend.last(), withOther ? QStringLiteral("other") : QStringLiteral("type %1").arg(99 + categories));
        COMPARE_COLOR(colors.perFeature.back(), colors.legend.entries.back().color);
        if (withOther)
            COMPARE_COLOR(colors.perFeature.front(), colors.legend.entries.front().color);
    }
};

QTEST_GUILESS_MAIN(TestThematicStyle)
#include "test_thematic_style.moc"
