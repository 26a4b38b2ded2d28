#include "app/gui/report/report_dialog.hpp"

#include "app/common/error_text.hpp"
#include "app/common/report/report_data.hpp"
#include "app/common/report/report_scene.hpp"
#include "app/gui/report/page_preview.hpp"
#include "app/gui/report/template_editor.hpp"
#include "app/gui/wait_cursor.hpp"

#include "data/project/project_store.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <set>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

namespace citytwin::app
{
namespace
{
/// Options typed in quick succession (a spin box's arrows held) repaint the preview once.
constexpr int PreviewDelayMs = 150;

/// The preview's resolution: about 900 pixels along the page's longer side, between 40 and 80 dpi.
int previewDpi(const data::ReportTemplate& layout)
{
    const auto [width, height] = layout.pageMillimetres();
    return std::clamp(static_cast<int>(std::lround(900.0 / (std::max(width, height) / 25.4))), 40, 80);
}

QString readyDescription(const QString& name)
{
    if (name == QLatin1String("weekly"))
        return ReportDialog::tr("the district's week on one page");
    if (name == QLatin1String("incidents-atlas"))
        return ReportDialog::tr("incidents, a page per community");
    if (name == QLatin1String("party-atlas"))
        return ReportDialog::tr("party organisation coverage, a page per community");
    if (name == QLatin1String("services"))
        return ReportDialog::tr("day-care service coverage, a page per street");
    return {};
}
} // namespace

struct ReportDialog::Widgets
{
    QComboBox* templates = nullptr;
    QComboBox* atlas = nullptr;
    QRadioButton* allAreas = nullptr;
    QRadioButton* chosenAreas = nullptr;
    QListWidget* areas = nullptr;
    QCheckBox* useFilter = nullptr;
    QLabel* filterWords = nullptr;
    QComboBox* format = nullptr;
    QSpinBox* dpi = nullptr;
    QLineEdit* output = nullptr;
    QPushButton* browse = nullptr;
    QPushButton* edit = nullptr;
    PagePreview* preview = nullptr;
    QSpinBox* page = nullptr;
    QLabel* status = nullptr;
    QPushButton* exportButton = nullptr;
};

ReportDialog::ReportDialog(const QString& projectPath, FilterSource filter, QWidget* parent)
    : QDialog(parent), mPath(projectPath), mFilter(std::move(filter)), mWidgets(std::make_unique<Widgets>())
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Export Report"));
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    layout->addLayout(left, 2);
    layout->addSpacing(8);
    auto* right = new QVBoxLayout;
    layout->addLayout(right, 3);
    buildOptions();
    buildPreview();
    Widgets& w = *mWidgets;

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* templateRow = new QHBoxLayout;
    templateRow->addWidget(w.templates, 1);
    templateRow->addWidget(w.edit);
    form->addRow(tr("Template:"), templateRow);
    form->addRow(tr("Pages:"), w.atlas);
    left->addLayout(form);

    auto* areasBox = new QGroupBox(tr("Areas"), this);
    auto* areasLayout = new QVBoxLayout(areasBox);
    auto* areaChoice = new QHBoxLayout;
    areaChoice->addWidget(w.allAreas);
    areaChoice->addWidget(w.chosenAreas);
    areaChoice->addStretch(1);
    areasLayout->addLayout(areaChoice);
    areasLayout->addWidget(w.areas, 1);
    left->addWidget(areasBox, 1);

    auto* filterBox = new QGroupBox(tr("Incidents"), this);
    auto* filterLayout = new QVBoxLayout(filterBox);
    filterLayout->addWidget(w.useFilter);
    filterLayout->addWidget(w.filterWords);
    left->addWidget(filterBox);

    auto* outputForm = new QFormLayout;
    outputForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* formatRow = new QHBoxLayout;
    formatRow->addWidget(w.format);
    formatRow->addSpacing(12);
    formatRow->addWidget(new QLabel(tr("Resolution:"), this));
    formatRow->addWidget(w.dpi);
    formatRow->addStretch(1);
    outputForm->addRow(tr("Format:"), formatRow);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(w.output, 1);
    outputRow->addWidget(w.browse);
    outputForm->addRow(tr("File:"), outputRow);
    left->addLayout(outputForm);
    left->addWidget(w.status);

    right->addWidget(w.preview, 1);
    auto* pageRow = new QHBoxLayout;
    pageRow->addStretch(1);
    pageRow->addWidget(w.page);
    pageRow->addStretch(1);
    right->addLayout(pageRow);

    auto* buttons = new QDialogButtonBox(this);
    w.exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    w.exportButton->setObjectName(QStringLiteral("export"));
    w.exportButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Close);
    right->addWidget(buttons);
    connect(w.exportButton, &QPushButton::clicked, this, [this] { exportReport(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connectOptions();
    resize(1180, 760);
}

struct ReportDialog::Export
{
    /// Deleted later (its finished signal ends the export).
    QFutureWatcher<ReportOutcome>* watcher = nullptr;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<QProgressDialog> progress;
};

ReportDialog::~ReportDialog()
{
    stopExport();
}

struct ReportDialog::PreviewPainted
{
    ReportWriter::Plan plan;
    ReportRequest request;
    QImage image;
};

void ReportDialog::stopExport()
{
    if (mPreviewWatcher && mPreviewWatcher->isRunning())
        mPreviewWatcher->waitForFinished();
    if (!mExport)
        return;
    *mExport->cancel = true;
    mExport->watcher->waitForFinished();
    mExport->watcher->disconnect(this);
    mExport->watcher->deleteLater();
    if (mExport->progress)
        mExport->progress->deleteLater();
    mExport.reset();
}

void ReportDialog::buildOptions()
{
    Widgets& w = *mWidgets;
    w.templates = named(new QComboBox(this), "template");
    w.edit = named(new QPushButton(tr("Edit Template…"), this), "editTemplate");
    w.edit->setToolTip(tr("Change the page, the title and the items of the template, and save it in the project"));
    w.atlas = named(new QComboBox(this), "atlas");
    w.atlas->addItem(QString(), -1);
    for (const data::AtlasLevel level :
         {data::AtlasLevel::None, data::AtlasLevel::Community, data::AtlasLevel::Grid, data::AtlasLevel::Street})
        w.atlas->addItem(TemplateEditor::atlasLevelName(level), static_cast<int>(level));
    w.atlas->setToolTip(tr("One page for the district, or an atlas: a page for each community, grid cell or street"));
    w.allAreas = named(new QRadioButton(tr("All"), this), "allAreas");
    w.chosenAreas = named(new QRadioButton(tr("Only the ticked ones"), this), "chosenAreas");
    w.allAreas->setChecked(true);
    w.areas = named(new QListWidget(this), "areas");
    w.useFilter = named(new QCheckBox(tr("Use the Analysis dock's filter"), this), "useFilter");
    w.useFilter->setChecked(true);
    w.useFilter->setToolTip(tr("Off: all incidents — the weekly report shows the latest whole week of data, atlases "
                               "all time"));
    w.filterWords = named(new QLabel(this), "filterWords");
    w.filterWords->setWordWrap(true);
    w.format = named(new QComboBox(this), "format");
    w.format->addItem(tr("PDF (vector, all pages in one file)"), QStringLiteral("pdf"));
    w.format->addItem(tr("PNG (a picture per page)"), QStringLiteral("png"));
    w.format->addItem(tr("SVG (the first page)"), QStringLiteral("svg"));
    w.dpi = named(new QSpinBox(this), "dpi");
    w.dpi->setRange(36, 1200);
    w.dpi->setValue(300);
    w.dpi->setSuffix(tr(" dpi"));
    w.dpi->setToolTip(tr("The resolution of PNG pages and of 3D map frames"));
    w.output = named(new QLineEdit(this), "output");
    w.browse = named(new QPushButton(tr("Browse…"), this), "browse");
    w.status = named(new QLabel(this), "status");
    w.status->setWordWrap(true);
    w.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void ReportDialog::buildPreview()
{
    Widgets& w = *mWidgets;
    w.preview = new PagePreview(PreviewDelayMs, this);
    w.preview->setMinimumSize(420, 420);
    connect(w.preview, &PagePreview::due, this, &ReportDialog::refreshPreview);
    w.page = new QSpinBox(this);
    w.page->setObjectName(QStringLiteral("page"));
    w.page->setRange(1, 1);
    w.page->setPrefix(tr("Page "));
    w.page->setMinimumWidth(160);
}

void ReportDialog::connectOptions()
{
    Widgets& w = *mWidgets;
    connect(w.templates, &QComboBox::currentIndexChanged, this, &ReportDialog::chooseTemplate);
    connect(w.edit, &QPushButton::clicked, this, [this] { editTemplate(); });
    connect(w.atlas, &QComboBox::currentIndexChanged, this,
            [this]
            {
                fillAreas();
                updateFilterWords();
                schedulePreview();
            });
    connect(w.allAreas, &QRadioButton::toggled, this,
            [this](bool all)
            {
                mWidgets->areas->setEnabled(!all);
                schedulePreview();
            });
    connect(w.areas, &QListWidget::itemChanged, this, &ReportDialog::schedulePreview);
    connect(w.useFilter, &QCheckBox::toggled, this, &ReportDialog::dockFilterChanged);
    connect(w.format, &QComboBox::currentIndexChanged, this,
            [this]
            {
                updateOutputName();
                schedulePreview();
            });
    connect(w.output, &QLineEdit::textEdited, this, [this] { mOutputEdited = true; });
    connect(w.browse, &QPushButton::clicked, this, &ReportDialog::browse);
    connect(w.page, &QSpinBox::valueChanged, this, &ReportDialog::schedulePreview);
}

bool ReportDialog::loadProject()
{
    const WaitCursor wait;
    auto loaded = ReportData::load(mPath.toStdString());
    if (!loaded)
    {
        mLastError = ErrorText::describe(loaded.error());
        return false;
    }
    return loadProject(std::move(loaded.value()));
}

bool ReportDialog::loadProject(std::unique_ptr<ReportData> data)
{
    stopExport(); // it reads the data replaced here
    mData = std::move(data);
    mWriter = std::make_unique<ReportWriter>(*mData);
    mWriter->setSceneRenderer(sceneRenderer());
    reloadTemplates(QStringLiteral("weekly"));
    return true;
}

ReportWriter::SceneRenderer ReportDialog::sceneRenderer()
{
    return [this](const std::string& bookmark, QSize pixels, double displayScale) -> std::optional<SceneFrame>
    {
        if (!mScene)
            mScene = std::make_unique<ReportScene>(mPath);
        QString error;
        auto frame = mScene->render(bookmark, pixels, displayScale, error);
        if (!frame && !mSceneWarnings.contains(error))
            mSceneWarnings << error;
        return frame;
    };
}

void ReportDialog::reloadTemplates(const QString& select)
{
    Widgets& w = *mWidgets;
    QStringList saved;
    if (auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true}))
        if (auto templates = project->reportTemplates())
            for (const auto& [name, json] : templates.value())
                saved << QString::fromStdString(name);
    {
        const QSignalBlocker blocker(w.templates);
        w.templates->clear();
        for (const QString& name : readyTemplateNames())
            w.templates->addItem(saved.contains(name) ? tr("%1 — the project's version").arg(name)
                                                      : tr("%1 — %2").arg(name, readyDescription(name)),
                                 name);
        for (const QString& name : saved)
            if (!readyTemplateNames().contains(name))
                w.templates->addItem(tr("%1 — saved in the project").arg(name), name);
        w.templates->setCurrentIndex(std::max(0, w.templates->findData(select)));
    }
    chooseTemplate();
}

bool ReportDialog::selectTemplate(const QString& name)
{
    const int index = mWidgets->templates->findData(name);
    if (index < 0)
        return false;
    if (index == mWidgets->templates->currentIndex())
        chooseTemplate();
    else
        mWidgets->templates->setCurrentIndex(index);
    return mLayout && QString::fromStdString(mLayout->name) == name;
}

void ReportDialog::chooseTemplate()
{
    Widgets& w = *mWidgets;
    QString error;
    auto layout = findTemplate(mPath.toStdString(), w.templates->currentData().toString(), error);
    if (!layout)
    {
        mLayout.reset();
        fail(error);
        return;
    }
    mLayout = std::move(layout);
    w.atlas->setItemText(0, tr("As the template: %1").arg(TemplateEditor::atlasLevelName(mLayout->atlas)));
    fillAreas();
    updateFilterWords();
    updateOutputName();
    schedulePreview();
}

data::AtlasLevel ReportDialog::atlasLevel() const
{
    const int chosen = mWidgets->atlas->currentData().toInt();
    if (chosen < 0)
        return mLayout ? mLayout->atlas : data::AtlasLevel::None;
    return static_cast<data::AtlasLevel>(chosen);
}

void ReportDialog::fillAreas()
{
    Widgets& w = *mWidgets;
    if (!mData)
        return;
    const data::AtlasLevel level = atlasLevel();
    const QString levelKey = QString::fromLatin1(data::atlasLevelCode(level));
    if (w.areas->property("level").toString() == levelKey && w.areas->count() > 0)
        return;
    std::set<qint64> ticked;
    for (int i = 0; i < w.areas->count(); ++i)
        if (w.areas->item(i)->checkState() == Qt::Checked)
            ticked.insert(w.areas->item(i)->data(Qt::UserRole).toLongLong());
    const QSignalBlocker blocker(w.areas);
    w.areas->clear();
    w.areas->setProperty("level", levelKey);
    const bool atlas = level != data::AtlasLevel::None;
    w.allAreas->setEnabled(atlas);
    w.chosenAreas->setEnabled(atlas);
    w.areas->setEnabled(atlas && w.chosenAreas->isChecked());
    if (!atlas)
        return;
    for (const ReportArea& area : mData->areas(level))
    {
        auto* item = new QListWidgetItem(area.name, w.areas);
        item->setData(Qt::UserRole, static_cast<qint64>(area.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(ticked.count(area.id) ? Qt::Checked : Qt::Unchecked);
    }
}

std::optional<data::IncidentFilter> ReportDialog::dockFilter() const
{
    std::optional<data::IncidentFilter> filter = mFilter ? mFilter() : std::nullopt;
    if (!filter || !mData)
        return filter;
    // Every category ticked in the dock is no category filter (and reads "all categories").
    std::set<std::string> codes(filter->categories.begin(), filter->categories.end());
    if (std::all_of(mData->categories().begin(), mData->categories().end(),
                    [&codes](const CategoryInfo& category) { return codes.count(category.code) > 0; }))
        filter->categories.clear();
    return filter;
}

void ReportDialog::dockFilterChanged()
{
    updateFilterWords();
    schedulePreview();
}

void ReportDialog::updateFilterWords()
{
    Widgets& w = *mWidgets;
    if (!mData)
        return;
    const std::optional<data::IncidentFilter> filter = dockFilter();
    w.useFilter->setEnabled(filter.has_value());
    w.filterWords->setEnabled(filter && w.useFilter->isChecked());
    if (!filter)
    {
        w.filterWords->setText(tr("The Analysis dock's incidents are still loading: the report uses all incidents."));
        return;
    }
    // The filter's area by its name: a community, a grid cell, or the district.
    std::vector<ReportArea> areas = mData->areas(data::AtlasLevel::None);
    if (filter->communityId || filter->gridIds.size() == 1)
    {
        const data::AtlasLevel level = filter->communityId ? data::AtlasLevel::Community : data::AtlasLevel::Grid;
        const std::int64_t id = filter->communityId ? *filter->communityId : filter->gridIds.front();
        for (const ReportArea& area : mData->areas(level))
            if (area.id == id)
                areas.insert(areas.begin(), area);
    }
    QString words = areas.empty() ? QString() : mData->filterWords(*filter, areas.front());
    if (filter->polygon)
        words += tr(" · inside the area drawn on the map");
    // A one-page report is about a week; the dock often spans the whole year.
    constexpr std::int64_t Week = 7 * 86400;
    if (atlasLevel() == data::AtlasLevel::None && filter->from && filter->to && *filter->to - *filter->from > Week)
        words += QLatin1Char('\n') + tr("More than a week: untick to report the latest whole week of data.");
    w.filterWords->setText(words);
}

void ReportDialog::updateOutputName()
{
    Widgets& w = *mWidgets;
    const QString suffix = w.format->currentData().toString();
    if (mOutputEdited && !w.output->text().trimmed().isEmpty())
    {
        const QFileInfo info(w.output->text().trimmed());
        w.output->setText(info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + suffix);
        return;
    }
    const QString base = mLayout ? QString::fromStdString(mLayout->name) : QStringLiteral("report");
    w.output->setText(QDir(QFileInfo(mPath).absolutePath()).filePath(base + QLatin1Char('.') + suffix));
}

void ReportDialog::browse()
{
    Widgets& w = *mWidgets;
    const QString format = w.format->currentData().toString();
    const QString filter = format == QLatin1String("png")   ? tr("PNG pictures (*.png)")
                           : format == QLatin1String("svg") ? tr("SVG drawing (*.svg)")
                                                            : tr("PDF document (*.pdf)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), w.output->text(), filter);
    if (path.isEmpty())
        return;
    w.output->setText(path);
    mOutputEdited = true;
}

ReportRequest ReportDialog::optionsRequest() const
{
    const Widgets& w = *mWidgets;
    ReportRequest request;
    if (mLayout)
        request.layout = *mLayout;
    request.layout.atlas = atlasLevel();
    if (w.useFilter->isChecked())
        if (auto filter = dockFilter())
            request.filter = std::move(*filter);
    if (request.layout.atlas != data::AtlasLevel::None && w.chosenAreas->isChecked())
        for (int i = 0; i < w.areas->count(); ++i)
            if (w.areas->item(i)->checkState() == Qt::Checked)
                request.areaIds.push_back(w.areas->item(i)->data(Qt::UserRole).toLongLong());
    request.format = w.format->currentData().toString();
    request.dpi = w.dpi->value();
    request.out = w.output->text().trimmed();
    return request;
}

std::optional<ReportRequest> ReportDialog::request(QString& error) const
{
    if (!mData || !mLayout)
    {
        error = tr("Choose a template.");
        return std::nullopt;
    }
    ReportRequest request = optionsRequest();
    if (request.layout.atlas != data::AtlasLevel::None && mWidgets->chosenAreas->isChecked() && request.areaIds.empty())
    {
        error = tr("Tick at least one area, or choose All.");
        return std::nullopt;
    }
    if (request.out.isEmpty())
    {
        error = tr("Choose the file to write.");
        return std::nullopt;
    }
    if (!QFileInfo(QFileInfo(request.out).absolutePath()).isDir())
    {
        error = tr("%1: the folder does not exist.").arg(QFileInfo(request.out).absolutePath());
        return std::nullopt;
    }
    return request;
}

void ReportDialog::schedulePreview()
{
    mWidgets->preview->request();
}

QImage ReportDialog::previewImage() const
{
    return mWidgets->preview->image();
}

void ReportDialog::refreshPreview()
{
    // Not while an export runs: it renders the same 3D scene and reads the same data (the preview follows when it
    // ends).
    if (!mWriter || !mLayout || mExport)
        return;
    if (!mPreviewWatcher)
    {
        mPreviewWatcher = new QFutureWatcher<std::shared_ptr<PreviewPainted>>(this);
        connect(mPreviewWatcher, &QFutureWatcherBase::finished, this,
                [this]
                {
                    // Options changed while it was painted: paint again, show only the latest.
                    if (mPreviewAgain)
                    {
                        mPreviewAgain = false;
                        refreshPreview();
                        return;
                    }
                    showPreview(*mPreviewWatcher->result());
                });
    }
    if (mPreviewWatcher->isRunning())
    {
        mPreviewAgain = true;
        return;
    }
    const ReportRequest request = optionsRequest();
    const int page = mWidgets->page->value() - 1;
    // Planning and painting on the thread pool; the dialog waits for it before its writer changes or goes.
    mPreviewWatcher->setFuture(QtConcurrent::run(
        [writer = mWriter.get(), request, page]
        {
            auto painted = std::make_shared<PreviewPainted>();
            painted->request = request;
            painted->plan = writer->plan(request);
            if (!painted->plan.pages.empty())
                painted->image = writer->preview(
                    request, painted->plan,
                    static_cast<std::size_t>(std::clamp(page, 0, static_cast<int>(painted->plan.pages.size()) - 1)),
                    previewDpi(request.layout));
            return painted;
        }));
}

void ReportDialog::showPreview(const PreviewPainted& painted)
{
    Widgets& w = *mWidgets;
    const ReportRequest& request = painted.request;
    const int count = static_cast<int>(painted.plan.pages.size());
    {
        const QSignalBlocker blocker(w.page);
        w.page->setRange(1, std::max(1, count));
        w.page->setSuffix(tr(" of %1").arg(count));
    }
    const bool noneTicked =
        request.layout.atlas != data::AtlasLevel::None && w.chosenAreas->isChecked() && request.areaIds.empty();
    if (noneTicked)
        w.status->setText(tr("Tick at least one area, or choose All."));
    else if (w.status->text() == tr("Tick at least one area, or choose All."))
        w.status->clear();
    if (count == 0)
    {
        w.preview->setImage(QImage());
        w.preview->setText(tr("Nothing to show: the project has no areas of this kind."));
    }
    else
        w.preview->setImage(painted.image);
    emit previewUpdated();
}

QImage ReportDialog::previewOf(const data::ReportTemplate& layout) const
{
    if (!mWriter || mExport)
        return {};
    // The data's caches are not for two threads at once: after the dialog's own preview.
    if (mPreviewWatcher && mPreviewWatcher->isRunning())
        mPreviewWatcher->waitForFinished();
    ReportRequest request = optionsRequest();
    request.layout = layout;
    const ReportWriter::Plan plan = mWriter->plan(request);
    // The first page made from the template's items (an atlas opens with its cover and contents).
    const auto page = std::find_if(plan.pages.begin(), plan.pages.end(),
                                   [](const PlannedPage& planned) { return planned.kind == PlannedPage::Kind::Area; });
    const std::size_t index = page == plan.pages.end() ? 0 : static_cast<std::size_t>(page - plan.pages.begin());
    return mWriter->preview(request, plan, index, previewDpi(layout));
}

bool ReportDialog::exportReport()
{
    if (mExport)
        return false;
    QString error;
    const std::optional<ReportRequest> request = this->request(error);
    if (!request)
    {
        fail(error);
        return false;
    }
    // A preview being painted reads the same data: the export starts after it.
    if (mPreviewWatcher && mPreviewWatcher->isRunning())
        mPreviewWatcher->waitForFinished();
    mSceneWarnings.clear();
    mExport = std::make_unique<Export>();
    auto* progress = new QProgressDialog(tr("Writing the report…"), tr("Cancel"), 0, 0, this);
    mExport->progress = progress;
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export Report"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, this, [cancel = mExport->cancel] { *cancel = true; });
    progress->show();
    mExport->watcher = new QFutureWatcher<ReportOutcome>(this);
    connect(mExport->watcher, &QFutureWatcherBase::finished, this,
            [this]
            {
                const ReportOutcome outcome = mExport->watcher->result();
                mExport->watcher->deleteLater();
                if (mExport->progress)
                {
                    mExport->progress->close();
                    mExport->progress->deleteLater();
                }
                mExport.reset();
                reportOutcome(outcome);
                schedulePreview(); // held back while the export ran (they share the 3D scene)
            });
    // The writer paints and writes on the thread pool: pages are told to the GUI thread, which shows them; the
    // dialog waits for the writer before it goes away (stopExport).
    mExport->watcher->setFuture(QtConcurrent::run(
        [this, request = *request, cancel = mExport->cancel]
        {
            return mWriter->write(request,
                                  [this, cancel](int done, int total)
                                  {
                                      QMetaObject::invokeMethod(
                                          this,
                                          [this, done, total]
                                          {
                                              // A modal progress dialog's setValue handles events: the
                                              // export may end (and mExport go) inside it.
                                              if (mExport && mExport->progress && mExport->progress->wasCanceled())
                                                  *mExport->cancel = true; // cancelled by other means than its button
                                              const QPointer<QProgressDialog> shown =
                                                  mExport && !*mExport->cancel ? mExport->progress : nullptr;
                                              if (shown)
                                                  shown->setLabelText(
                                                      tr("Page %1 of %2 written…").arg(done).arg(total));
                                              if (shown)
                                                  shown->setMaximum(total);
                                              if (shown)
                                                  shown->setValue(done);
                                              emit exportProgress(done, total);
                                          },
                                          Qt::QueuedConnection);
                                      return !*cancel;
                                  });
        }));
    return true;
}

void ReportDialog::reportOutcome(const ReportOutcome& outcome)
{
    Widgets& w = *mWidgets;
    if (outcome.cancelled)
    {
        // PNG pages already written go too: a cancelled report leaves nothing behind.
        for (const QString& file : outcome.files)
            QFile::remove(file);
        w.status->setText(tr("Export cancelled: nothing was written."));
        emit exported({});
        return;
    }
    if (!outcome.ok)
    {
        fail(tr("The report could not be written: %1").arg(outcome.error));
        emit exported({});
        return;
    }
    QString text = tr("%n page(s) written: %1", nullptr, outcome.pages).arg(outcome.files.join(QStringLiteral(", ")));
    if (!mSceneWarnings.isEmpty())
        text += QLatin1Char('\n') +
                tr("3D frames drawn as top-down maps: %1").arg(mSceneWarnings.join(QStringLiteral("; ")));
    w.status->setText(text);
    mLastError.clear();
    emit exported(outcome.files);
    QMessageBox* box = openMessage(this, QMessageBox::Information, tr("Export Report"), text, "exportedMessage");
    QPushButton* openFolder = box->addButton(tr("Open Folder"), QMessageBox::ActionRole);
    const QString folder = QFileInfo(outcome.files.value(0)).absolutePath();
    connect(openFolder, &QPushButton::clicked, this,
            [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
}

void ReportDialog::fail(const QString& message)
{
    mLastError = message;
    mWidgets->status->setText(message);
    openMessage(this, QMessageBox::Warning, tr("Export Report"), message, "reportError");
}

TemplateEditor* ReportDialog::editTemplate()
{
    if (!mLayout || !mWriter)
        return nullptr;
    if (!mEditor)
    {
        mEditor = new TemplateEditor(
            mPath, [this](const data::ReportTemplate& layout) { return previewOf(layout); }, this);
        mEditor->setAttribute(Qt::WA_DeleteOnClose);
        connect(mEditor, &TemplateEditor::templatesChanged, this, &ReportDialog::reloadTemplates);
    }
    mEditor->setTemplate(*mLayout);
    mEditor->show();
    mEditor->raise();
    return mEditor;
}

} // namespace citytwin::app
