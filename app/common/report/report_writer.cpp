#include "app/common/report/report_writer.hpp"

#include "app/common/report/report_page.hpp"

#include "data/analysis/briefing_kpis.hpp"
#include "data/analysis/weekly_findings.hpp"
#include "data/project/schema.hpp"

#include <QFileInfo>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QCoreApplication>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace citytwin::app
{
namespace
{
/// Passes writes on to a file and remembers whether any fell short: QPdfWriter and QSvgGenerator ignore failed
/// writes (a full disk, a file-size limit), and QSaveFile does not always notice them either, so a report cut short
/// would otherwise replace the file under its name and be reported written.
class CheckedDevice : public QIODevice
{
public:
    explicit CheckedDevice(QIODevice& target) : mTarget(target) { open(QIODevice::WriteOnly); }
    bool failed() const { return mFailed; }
    qint64 requested() const { return mRequested; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 length) override
    {
        mRequested += length;
        const qint64 written = mFailed ? -1 : mTarget.write(data, length);
        if (written != length)
            mFailed = true;
        return length; // the writer goes on; the file is refused at the end
    }

private:
    QIODevice& mTarget;
    qint64 mRequested = 0;
    bool mFailed = false;
};

/// Commits a file only when every byte written reached the disk (checked: what went through it).
bool commitWhole(QSaveFile& file, const CheckedDevice& checked, QString& why)
{
    const qint64 written = checked.requested();
    if (checked.failed() || !file.flush() || file.size() < written)
    {
        file.cancelWriting();
        why = QCoreApplication::translate("citytwin::app::ReportWriter",
                                          "the disk is full or a file-size limit was reached: %1 of %2 bytes written")
                  .arg(file.size())
                  .arg(written);
        return false;
    }
    if (!file.commit())
    {
        why = file.errorString();
        return false;
    }
    return true;
}
constexpr std::int64_t Week = 7 * 86400;

QPageSize pageSizeOf(const data::ReportTemplate& layout)
{
    return QPageSize(layout.pageSize == "A3" ? QPageSize::A3 : QPageSize::A4);
}

/// The PNG file of page n (from 1) of a report of count pages: the name asked for one page, else name-001.png.
QString pngName(const QString& out, int n, int count)
{
    if (count == 1)
        return out;
    const QFileInfo info(out);
    const QString base = info.path() + QLatin1Char('/') + info.completeBaseName();
    return QStringLiteral("%1-%2.%3")
        .arg(base)
        .arg(n, count >= 1000 ? 4 : 3, 10, QLatin1Char('0'))
        .arg(info.suffix().isEmpty() ? QStringLiteral("png") : info.suffix());
}
} // namespace

ReportWriter::Plan ReportWriter::plan(const ReportRequest& request) const
{
    Plan plan;
    plan.filter = request.filter;
    const data::ReportTemplate& layout = request.layout;
    // The one-page district report shows a week: the latest whole week of data unless the filter says otherwise
    // (the week of the latest report when that report is on its Sunday).
    if (layout.atlas == data::AtlasLevel::None && !plan.filter.from && !plan.filter.to)
        if (const auto latest = data::latestReport(mData.store()))
        {
            std::int64_t start = data::districtWeekStart(*latest);
            if (*latest < start + Week - 86400)
                start -= Week;
            plan.filter.from = start;
            plan.filter.to = start + Week;
        }
    plan.areas = mData.areas(layout.atlas);
    if (!request.areaIds.empty() && layout.atlas != data::AtlasLevel::None)
        std::erase_if(plan.areas, [&request](const ReportArea& area)
                      { return std::find(request.areaIds.begin(), request.areaIds.end(), area.id) ==
                               request.areaIds.end(); });
    // An atlas opens with a cover and contents, except in SVG (one page) or for a single area.
    const bool atlas = layout.atlas != data::AtlasLevel::None && request.format != QLatin1String("svg");
    const bool cover = atlas && layout.cover && plan.areas.size() > 1;
    const bool contents = atlas && layout.contents && plan.areas.size() > 1;
    if (cover)
        plan.pages.push_back({PlannedPage::Kind::Cover, 0, 0});
    const std::size_t perPage = ReportPainter::contentsPerPage(layout);
    const std::size_t contentsPages = contents ? (plan.areas.size() + perPage - 1) / perPage : 0;
    for (std::size_t c = 0; c < contentsPages; ++c)
        plan.pages.push_back({PlannedPage::Kind::Contents, 0, c * perPage});
    for (std::size_t a = 0; a < plan.areas.size(); ++a)
    {
        plan.contents.emplace_back(plan.areas[a].name, static_cast<int>(plan.pages.size()) + 1);
        plan.pages.push_back({PlannedPage::Kind::Area, a, 0});
    }
    if (request.format == QLatin1String("svg") && plan.pages.size() > 1)
        plan.pages.resize(1);
    return plan;
}

void ReportWriter::paint(QPainter& painter, const ReportRequest& request, const Plan& plan, std::size_t index,
                         int dpi) const
{
    const data::ReportTemplate& layout = request.layout;
    const auto [width, height] = layout.pageMillimetres();
    ReportPainter::begin(painter, width, height);
    const ReportPainter pages(mData);
    const PlannedPage& page = plan.pages.at(index);
    static const ReportArea NoArea;
    const std::vector<ReportArea>& district = mData.areas(data::AtlasLevel::None);
    PageContext context;
    context.layout = &layout;
    context.filter = plan.filter;
    context.pageNumber = static_cast<int>(index) + 1;
    context.pageCount = static_cast<int>(plan.pages.size());
    context.area = district.empty() ? &NoArea : &district.front();
    switch (page.kind)
    {
    case PlannedPage::Kind::Cover:
        pages.paintCover(painter, context, plan.areas);
        return;
    case PlannedPage::Kind::Contents:
        pages.paintContents(painter, context, plan.contents, page.contentsFirst,
                            ReportPainter::contentsPerPage(layout));
        return;
    case PlannedPage::Kind::Area:
        break;
    }
    context.area = &plan.areas.at(page.area);
    for (std::size_t i = 0; i < layout.items.size() && mRenderer; ++i)
    {
        const data::ReportItem& item = layout.items[i];
        if (item.kind != "map" || item.source.rfind("bookmark:", 0) != 0)
            continue;
        const QRectF rect = ReportPainter::itemRect(layout, item.rect);
        const QSize pixels(std::max(16, static_cast<int>(std::lround(rect.width() / 25.4 * dpi))),
                           std::max(16, static_cast<int>(std::lround(rect.height() / 25.4 * dpi))));
        if (auto frame = mRenderer(item.source.substr(9), pixels, dpi / 96.0))
            context.renders[i] = std::move(*frame);
    }
    pages.paintPage(painter, context);
}

QImage ReportWriter::preview(const ReportRequest& request, const Plan& plan, std::size_t page, int dpi) const
{
    const auto [width, height] = request.layout.pageMillimetres();
    QImage image(static_cast<int>(std::lround(width / 25.4 * dpi)), static_cast<int>(std::lround(height / 25.4 * dpi)),
                 QImage::Format_RGB32);
    image.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    if (page < plan.pages.size())
    {
        QPainter painter(&image);
        paint(painter, request, plan, page, dpi);
    }
    return image;
}

ReportOutcome ReportWriter::write(const ReportRequest& request, const Progress& progress) const
{
    ReportOutcome outcome;
    const Plan planned = plan(request);
    const int total = static_cast<int>(planned.pages.size());
    if (total == 0)
    {
        const char* table = request.layout.atlas == data::AtlasLevel::Grid     ? data::schema::grids::Table
                            : request.layout.atlas == data::AtlasLevel::Street ? data::schema::streets::Table
                                                                               : data::schema::communities::Table;
        outcome.error = request.areaIds.empty()
                            ? tr("%1: no areas for the atlas (the project has no %2 layer, or it is empty)")
                                  .arg(QString::fromStdString(mData.path()), QLatin1String(table))
                            : tr("%1: none of the areas asked for (--area) is in its %2 layer")
                                  .arg(QString::fromStdString(mData.path()), QLatin1String(table));
        return outcome;
    }
    const data::ReportTemplate& layout = request.layout;
    const auto [width, height] = layout.pageMillimetres();
    auto step = [&](int done) { return !progress || progress(done, total); };

    if (request.format == QLatin1String("png"))
    {
        for (int n = 0; n < total; ++n)
        {
            const QImage image = preview(request, planned, static_cast<std::size_t>(n), request.dpi);
            QSaveFile file(pngName(request.out, n + 1, total));
            QString why;
            const bool opened = file.open(QIODevice::WriteOnly);
            CheckedDevice checked(file);
            QImageWriter writer(&checked, "png");
            if (!opened || !writer.write(image) || !commitWhole(file, checked, why))
            {
                outcome.error =
                    tr("%1: cannot be written (%2)").arg(file.fileName(), why.isEmpty() ? file.errorString() : why);
                return outcome;
            }
            outcome.files << file.fileName();
            if (!step(n + 1))
            {
                outcome.cancelled = true;
                return outcome;
            }
        }
        outcome.ok = true;
        outcome.pages = total;
        return outcome;
    }

    QSaveFile file(request.out);
    if (!file.open(QIODevice::WriteOnly))
    {
        outcome.error = tr("%1: cannot be written (%2)").arg(request.out, file.errorString());
        return outcome;
    }
    CheckedDevice checked(file);
    if (request.format == QLatin1String("svg"))
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&checked);
        svg.setResolution(request.dpi);
        const QSize size(static_cast<int>(std::lround(width / 25.4 * request.dpi)),
                         static_cast<int>(std::lround(height / 25.4 * request.dpi)));
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QString::fromStdString(layout.name));
        QPainter painter(&svg);
        paint(painter, request, planned, 0, request.dpi);
        painter.end();
        step(1);
    }
    else
    {
        QPdfWriter pdf(&checked);
        pdf.setPageSize(pageSizeOf(layout));
        pdf.setPageOrientation(layout.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(std::max(300, request.dpi));
        pdf.setCreator(QStringLiteral("CityTwin"));
        pdf.setTitle(QString::fromStdString(layout.name));
        QPainter painter(&pdf);
        for (int n = 0; n < total; ++n)
        {
            if (n > 0)
                pdf.newPage();
            paint(painter, request, planned, static_cast<std::size_t>(n), request.dpi);
            if (!step(n + 1))
            {
                painter.end();
                file.cancelWriting();
                outcome.cancelled = true;
                return outcome;
            }
        }
        painter.end();
    }
    if (QString why; !commitWhole(file, checked, why))
    {
        outcome.error = tr("%1: cannot be written (%2)").arg(request.out, why);
        return outcome;
    }
    outcome.ok = true;
    outcome.pages = total;
    outcome.files << request.out;
    return outcome;
}

} // namespace citytwin::app
