#pragma once

#include "app/common/report/report_data.hpp"
#include "app/common/report/report_map.hpp"

#include "data/project/report_template.hpp"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class QPainter;

namespace citytwin::app
{

/// The names of the ready templates, in the order lists show them: "weekly", "incidents-atlas", "party-atlas",
/// "services" (names are contracts: `citytwin report --template NAME`).
QStringList readyTemplateNames();
/// A ready template, its words in the interface language; nothing for another name.
std::optional<data::ReportTemplate> readyTemplate(const QString& name);
/// A template by name: the project's own (citytwin_report_templates) first, else a ready one; an error sentence
/// when there is none or it cannot be read.
std::optional<data::ReportTemplate> findTemplate(const std::string& projectPath, const QString& name, QString& error);

/// What to make: a template, the incidents' filter, the areas (an atlas's, all when empty), the output.
struct ReportRequest
{
    data::ReportTemplate layout;
    data::IncidentFilter filter;
    std::vector<std::int64_t> areaIds;
    int dpi = 300;
    QString format = QStringLiteral("pdf"); ///< pdf, png or svg
    QString out;
};

/// How a report came out.
struct ReportOutcome
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    int pages = 0;
    QStringList files;
};

/// One page of a report's plan.
struct PlannedPage
{
    enum class Kind
    {
        Cover,
        Contents,
        Area,
    };
    Kind kind = Kind::Area;
    std::size_t area = 0;          ///< Area: index into the plan's areas
    std::size_t contentsFirst = 0; ///< Contents: the first entry on it
};

/// Makes reports from a template: plans the pages (cover, contents, one per area), paints them with ReportPainter
/// and writes PDF (vector, fonts embedded), PNG (a file per page at the dpi) or SVG (one page). Files are written
/// beside their final names and renamed when complete (QSaveFile): a cancelled or failed report leaves nothing
/// under the final name. The 3D frames of bookmark map items come from a renderer the caller gives (it needs an
/// OpenGL context); without one they are drawn as top-down maps. GUI or main thread.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ReportWriter)
public:
    /// Renders a bookmark's 3D view at a size in pixels with labels and icons scaled by displayScale; nothing when
    /// it cannot (the error is reported by the renderer).
    using SceneRenderer = std::function<std::optional<SceneFrame>(const std::string& bookmark, QSize pixels,
                                                                  double displayScale)>;
    /// Told after each page (done of total); returning false cancels.
    using Progress = std::function<bool(int done, int total)>;

    explicit ReportWriter(const ReportData& data) : mData(data) {}
    void setSceneRenderer(SceneRenderer renderer) { mRenderer = std::move(renderer); }

    /// The areas and pages a request makes (the weekly's default week applied to its filter).
    struct Plan
    {
        data::IncidentFilter filter;
        std::vector<ReportArea> areas;
        std::vector<PlannedPage> pages;
        std::vector<std::pair<QString, int>> contents; ///< area name and page number
    };
    Plan plan(const ReportRequest& request) const;

    /// Writes the report.
    ReportOutcome write(const ReportRequest& request, const Progress& progress = {}) const;
    /// Paints one page of the plan as a picture (the dialog's preview).
    QImage preview(const ReportRequest& request, const Plan& plan, std::size_t page, int dpi) const;

private:
    void paint(QPainter& painter, const ReportRequest& request, const Plan& plan, std::size_t page,
               int dpi) const;

    const ReportData& mData;
    SceneRenderer mRenderer;
};

} // namespace citytwin::app
