#include "app/gui/import_dialog.hpp"

#include "app/common/error_text.hpp"

#include "data/core/date_time.hpp"
#include "data/incidents/incident_import.hpp"
#include "data/project/layer_import.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"
#include "data/io/vector_source.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QProgressBar>

#include <string_view>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace citytwin::app
{
namespace
{
constexpr int PreviewRows = 20;
constexpr int RejectionsShown = 500;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString targetLabel(const std::string& target)
{
    namespace incidents = data::schema::incidents;
    static const std::map<std::string, const char*> labels = {
        {incidents::ExternalId, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Case number")},
        {incidents::Source, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Source")},
        {incidents::Category, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Category")},
        {incidents::Status, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Status")},
        {incidents::ReportedAt, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Reported at")},
        {incidents::DispatchedAt, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Dispatched at")},
        {incidents::HandledAt, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Handled at")},
        {incidents::ClosedAt, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Closed at")},
        {incidents::CameraId, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Camera")},
        {incidents::Address, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Address")},
        {incidents::Description, QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Description")},
        {"x", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Longitude / easting (x)")},
        {"y", QT_TRANSLATE_NOOP("citytwin::app::ImportDialog", "Latitude / northing (y)")},
    };
    return QCoreApplication::translate("citytwin::app::ImportDialog", labels.at(target));
}
} // namespace

/// What a background import produced.
struct ImportDialog::Outcome
{
    bool ok = false;
    QString error;
    QString table;
    bool committed = false;
    data::ImportReport incidents;
    data::LayerImportReport layer;
    bool wasIncidents = true;
};

ImportDialog::ImportDialog(const QString& projectPath, QWidget* parent) : QDialog(parent), mProjectPath(projectPath)
{
    setObjectName(QStringLiteral("importDialog"));
    buildUi();
    retranslateUi();
    resize(980, 720);
    mWatcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(mWatcher, &QFutureWatcherBase::finished, this, [this] { showOutcome(*mWatcher->result()); });
}

void ImportDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QGridLayout;
    const auto label = [this]
    {
        auto* l = new QLabel(this);
        mLabels << l;
        return l;
    };
    mSourceEdit = new QLineEdit(this);
    mBrowseButton = new QPushButton(this);
    mLayerCombo = new QComboBox(this);
    mKindCombo = new QComboBox(this);
    mKindCombo->addItems({QString(), QString()});
    mCrsCombo = new QComboBox(this);
    mCrsCombo->setEditable(true);
    mCrsCombo->addItems({QStringLiteral("EPSG:4326"), QStringLiteral("gcj02"), QStringLiteral("bd09"),
                         QStringLiteral("EPSG:4490"), QStringLiteral("EPSG:4548"), QStringLiteral("EPSG:4527")});
    mCrsCombo->setCurrentIndex(-1);
    top->addWidget(label(), 0, 0);
    top->addWidget(mSourceEdit, 0, 1);
    top->addWidget(mBrowseButton, 0, 2);
    top->addWidget(label(), 1, 0);
    top->addWidget(mLayerCombo, 1, 1, 1, 2);
    top->addWidget(label(), 2, 0);
    top->addWidget(mKindCombo, 2, 1, 1, 2);
    top->addWidget(label(), 3, 0);
    top->addWidget(mCrsCombo, 3, 1, 1, 2);
    layout->addLayout(top);

    mPages = new QStackedWidget(this);
    // Incidents page: preview, mapping, profile.
    auto* incidents = new QWidget(mPages);
    auto* incidentsLayout = new QGridLayout(incidents);
    mPreview = new QTableWidget(incidents);
    mPreview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mPreview->setObjectName(QStringLiteral("importPreview"));
    mPreview->setMinimumHeight(200);
    incidentsLayout->addWidget(mPreview, 0, 0, 1, 2);
    auto* mappingForm = new QFormLayout;
    for (const std::string& target : data::incidentTargetFields())
    {
        auto* combo = new QComboBox(incidents);
        combo->setObjectName(QStringLiteral("column_") + qs(target));
        mColumnCombos[target] = combo;
        mColumnLabels[target] = new QLabel(incidents);
        mappingForm->addRow(mColumnLabels[target], combo);
    }
    incidentsLayout->addLayout(mappingForm, 1, 0);
    auto* options = new QFormLayout;
    mOffsetEdit = new QLineEdit(QStringLiteral("+08:00"), incidents);
    mStrictCheck = new QCheckBox(incidents);
    mProfileCombo = new QComboBox(incidents);
    mLoadProfileButton = new QPushButton(incidents);
    mProfileNameEdit = new QLineEdit(incidents);
    mSaveProfileButton = new QPushButton(incidents);
    options->addRow(label(), mOffsetEdit);
    options->addRow(QString(), mStrictCheck);
    options->addRow(label(), mProfileCombo);
    options->addRow(QString(), mLoadProfileButton);
    options->addRow(label(), mProfileNameEdit);
    options->addRow(QString(), mSaveProfileButton);
    incidentsLayout->addLayout(options, 1, 1);
    mPages->addWidget(incidents);
    // Layer page: table name, replace.
    auto* layerPage = new QWidget(mPages);
    auto* layerForm = new QFormLayout(layerPage);
    mTableEdit = new QLineEdit(layerPage);
    mReplaceCheck = new QCheckBox(layerPage);
    layerForm->addRow(label(), mTableEdit);
    layerForm->addRow(QString(), mReplaceCheck);
    mPages->addWidget(layerPage);
    layout->addWidget(mPages, 1);

    mStatus = new QLabel(this);
    mStatus->setWordWrap(true);
    mStatus->setObjectName(QStringLiteral("importStatus"));
    layout->addWidget(mStatus);
    mProgress = new QProgressBar(this);
    mProgress->setObjectName(QStringLiteral("importProgress"));
    mProgress->setRange(0, 0);
    mProgress->setTextVisible(false);
    mProgress->hide();
    layout->addWidget(mProgress);
    mProgressTimer.setInterval(100);
    connect(&mProgressTimer, &QTimer::timeout, this,
            [this]
            {
                if (!mProgressState)
                    return;
                const auto rows = static_cast<qlonglong>(mProgressState->rows.load());
                if (mProgressState->cancel)
                    mStatus->setText(tr("Cancelling…"));
                else if (rows > 0)
                    mStatus->setText(mProgressState->writing ? tr("Importing… %L1 rows written").arg(rows)
                                                             : tr("Importing… %L1 rows read").arg(rows));
            });
    mRejections = new QTableWidget(0, 3, this);
    mRejections->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mRejections->horizontalHeader()->setStretchLastSection(true);
    mRejections->setMaximumHeight(160);
    layout->addWidget(mRejections);

    auto* buttons = new QDialogButtonBox(this);
    mImportButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    mCancelButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    mCancelButton->setObjectName(QStringLiteral("cancelImport"));
    mCancelButton->setEnabled(false);
    mCloseButton = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);

    connect(mBrowseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(mSourceEdit, &QLineEdit::editingFinished, this, [this] { setSource(mSourceEdit->text()); });
    connect(mLayerCombo, &QComboBox::currentIndexChanged, this, [this] { loadPreview(); });
    connect(mKindCombo, &QComboBox::currentIndexChanged, mPages, &QStackedWidget::setCurrentIndex);
    connect(mLoadProfileButton, &QPushButton::clicked, this, &ImportDialog::loadProfile);
    connect(mSaveProfileButton, &QPushButton::clicked, this, &ImportDialog::saveProfile);
    connect(mImportButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(mCancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(mCloseButton, &QPushButton::clicked, this, &QDialog::reject);

    if (auto project = data::ProjectStore::open(mProjectPath.toStdString(), {.create = false, .readOnly = true}))
    {
        if (auto names = project->fieldMappingNames())
            for (const std::string& name : names.value())
                mProfileCombo->addItem(qs(name));
    }
}

void ImportDialog::retranslateUi()
{
    setWindowTitle(tr("Import into Project"));
    const QStringList texts = {tr("Source:"),
                               tr("Layer / sheet:"),
                               tr("Import as:"),
                               tr("Coordinates in:"),
                               tr("Local time zone of the times:"),
                               tr("Saved mapping:"),
                               tr("Save this mapping as:"),
                               tr("Table name:")};
    for (int i = 0; i < mLabels.size() && i < texts.size(); ++i)
        mLabels[i]->setText(texts[i]);
    mBrowseButton->setText(tr("Browse…"));
    mKindCombo->setItemText(0, tr("Incidents (through a column mapping into the incident table)"));
    mKindCombo->setItemText(1, tr("A layer (a feature table in the project CRS)"));
    mCrsCombo->setToolTip(tr("EPSG code, or gcj02 / bd09 for coordinates from Chinese web maps and phone apps"));
    for (auto& [target, combo] : mColumnCombos)
    {
        mColumnLabels[target]->setText(targetLabel(target));
        if (combo->count() > 0)
            combo->setItemText(0, tr("(none)"));
    }
    mStrictCheck->setText(tr("Import nothing if any row is rejected"));
    mLoadProfileButton->setText(tr("Use saved mapping"));
    mSaveProfileButton->setText(tr("Save mapping"));
    mReplaceCheck->setText(tr("Replace a table of the same name"));
    mImportButton->setText(tr("Import"));
    mCancelButton->setText(tr("Cancel"));
    mCloseButton->setText(tr("Close"));
    mRejections->setHorizontalHeaderLabels({tr("Row"), tr("Reason"), tr("Value")});
}

void ImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Source"), QString(),
        tr("Tables and layers (*.csv *.xlsx *.ods *.gpkg *.shp *.geojson *.json *.kml *.gml);;All files (*)"));
    if (!path.isEmpty())
        setSource(path);
}

void ImportDialog::setSource(const QString& path)
{
    mSourceEdit->setText(path);
    const QSignalBlocker blocker(mLayerCombo);
    mLayerCombo->clear();
    // The layers' names and the first rows only: a file of a million rows opens at once (the import reads it all).
    auto preview = data::previewSource(path.toStdString(), {}, 0);
    if (!preview)
    {
        mStatus->setText(ErrorText::describe(preview.error()));
        return;
    }
    for (const std::string& layer : preview->layers)
        mLayerCombo->addItem(qs(layer));
    mTableEdit->setText(preview->layers.empty() ? QString() : qs(preview->layers.front()));
    loadPreview();
}

void ImportDialog::loadPreview()
{
    auto preview =
        data::previewSource(mSourceEdit->text().toStdString(), mLayerCombo->currentText().toStdString(), PreviewRows);
    if (!preview)
    {
        mStatus->setText(ErrorText::describe(preview.error()));
        return;
    }
    mColumns.clear();
    for (const auto& column : preview->columns)
        mColumns << qs(column);
    mPreview->clear();
    mPreview->setColumnCount(static_cast<int>(mColumns.size()));
    mPreview->setHorizontalHeaderLabels(mColumns);
    mPreview->setRowCount(static_cast<int>(preview->rows.size()));
    for (int r = 0; r < static_cast<int>(preview->rows.size()); ++r)
        for (int c = 0; c < static_cast<int>(preview->rows[r].size()); ++c)
            mPreview->setItem(r, c, new QTableWidgetItem(qs(preview->rows[r][c])));
    const data::FieldMapping guess = data::guessFieldMapping(preview->columns);
    for (auto& [target, combo] : mColumnCombos)
    {
        combo->clear();
        combo->addItem(tr("(none)"), QString());
        for (const QString& column : mColumns)
            combo->addItem(column, column);
        const int index = combo->findData(qs(guess.column(target)));
        combo->setCurrentIndex(index < 0 ? 0 : index);
    }
    if (!preview->crs.empty())
        mCrsCombo->setEditText(qs(preview->crs));
    mStatus->setText(tr("%1 columns; the mapping below was proposed from their names: check it.").arg(mColumns.size()));
}

void ImportDialog::setKind(Kind kind)
{
    mKindCombo->setCurrentIndex(kind == Kind::Incidents ? 0 : 1);
}

void ImportDialog::setCrs(const QString& crs)
{
    mCrsCombo->setEditText(crs);
}

void ImportDialog::setColumn(const QString& target, const QString& column)
{
    const auto found = mColumnCombos.find(target.toStdString());
    if (found == mColumnCombos.end())
        return;
    const int index = found->second->findData(column);
    found->second->setCurrentIndex(index < 0 ? 0 : index);
}

data::FieldMapping ImportDialog::mapping() const
{
    data::FieldMapping mapping;
    mapping.name = mProfileNameEdit->text().toStdString();
    mapping.crs = mCrsCombo->currentText().trimmed().toStdString();
    mapping.utcOffsetMinutes =
        data::parseUtcOffset(mOffsetEdit->text().toStdString()).value_or(data::DistrictUtcOffsetMinutes);
    for (const auto& [target, combo] : mColumnCombos)
    {
        const QString column = combo->currentData().toString();
        if (!column.isEmpty())
            mapping.columns[target] = column.toStdString();
    }
    return mapping;
}

void ImportDialog::loadProfile()
{
    auto project = data::ProjectStore::open(mProjectPath.toStdString(), {.create = false, .readOnly = true});
    if (!project)
        return;
    auto saved = project->fieldMapping(mProfileCombo->currentText().toStdString());
    if (!saved || !saved.value())
        return;
    auto mapping = data::parseFieldMapping(*saved.value());
    if (!mapping)
        return;
    for (auto& [target, combo] : mColumnCombos)
        setColumn(qs(target), qs(mapping->column(target)));
    if (!mapping->crs.empty())
        mCrsCombo->setEditText(qs(mapping->crs));
    mProfileNameEdit->setText(qs(mapping->name));
}

void ImportDialog::saveProfile()
{
    data::FieldMapping current = mapping();
    if (current.name.empty())
    {
        mStatus->setText(tr("Give the mapping a name first."));
        return;
    }
    auto project = data::ProjectStore::open(mProjectPath.toStdString(), {.create = false});
    if (!project || !project->saveFieldMapping(current.name, data::toJson(current)))
    {
        mStatus->setText(tr("The mapping could not be saved in the project."));
        return;
    }
    if (mProfileCombo->findText(qs(current.name)) < 0)
        mProfileCombo->addItem(qs(current.name));
    mStatus->setText(tr("Mapping %1 saved in the project.").arg(qs(current.name)));
}

void ImportDialog::startImport()
{
    if (isRunning())
        return;
    const bool incidents = mKindCombo->currentIndex() == 0;
    const std::string project = mProjectPath.toStdString();
    const std::string source = mSourceEdit->text().toStdString();
    const std::string layer = mLayerCombo->currentText().toStdString();
    const data::FieldMapping current = mapping();
    const bool strict = mStrictCheck->isChecked();
    data::LayerImportOptions layerOptions;
    layerOptions.layerName = layer;
    layerOptions.targetName = mTableEdit->text().trimmed().toStdString();
    layerOptions.crs = mCrsCombo->currentText().trimmed().toStdString();
    layerOptions.replace = mReplaceCheck->isChecked();
    mImportButton->setEnabled(false);
    mStatus->setText(tr("Importing…"));
    auto progress = std::make_shared<Progress>();
    mProgressState = progress;
    mProgress->show();
    mCancelButton->setEnabled(true);
    mProgressTimer.start();
    mWatcher->setFuture(QtConcurrent::run(
        [=]()
        {
            auto outcome = std::make_shared<Outcome>();
            outcome->wasIncidents = incidents;
            // The worker has its own connection: SQLite connections are not shared between threads.
            auto store = data::ProjectStore::open(project, {.create = false});
            if (!store)
            {
                outcome->error = ErrorText::describe(store.error());
                return outcome;
            }
            if (incidents)
            {
                data::IncidentImportOptions options;
                options.layerName = layer;
                options.mapping = current;
                options.strict = strict;
                options.cancel = &progress->cancel;
                options.progress = [progress](const char* phase, std::int64_t rows)
                {
                    progress->writing = std::string_view(phase) == "write";
                    progress->rows = rows;
                };
                auto report = data::importIncidents(store.value(), source, options);
                if (!report)
                    outcome->error = ErrorText::describe(report.error());
                else
                {
                    outcome->ok = true;
                    outcome->committed = report->committed;
                    outcome->table = QString::fromUtf8(data::schema::incidents::Table);
                    outcome->incidents = std::move(report.value());
                }
                return outcome;
            }
            data::LayerImportOptions options = layerOptions;
            options.cancel = &progress->cancel;
            options.progress = [progress](std::int64_t features)
            {
                progress->writing = true;
                progress->rows = features;
            };
            auto report = data::importLayer(store.value(), source, options);
            if (!report)
                outcome->error = ErrorText::describe(report.error());
            else
            {
                outcome->ok = outcome->committed = true;
                outcome->table = qs(report->table);
                outcome->layer = std::move(report.value());
            }
            return outcome;
        }));
}

bool ImportDialog::isRunning() const
{
    return mWatcher->isRunning();
}

void ImportDialog::cancelImport()
{
    if (mProgressState && isRunning())
    {
        mProgressState->cancel = true;
        mCancelButton->setEnabled(false);
        mStatus->setText(tr("Cancelling…"));
    }
}

QString ImportDialog::summary() const
{
    return mSummary;
}

int ImportDialog::previewRowCount() const
{
    return mPreview->rowCount();
}

int ImportDialog::rejectionRowCount() const
{
    return mRejections->rowCount();
}

void ImportDialog::showOutcome(const Outcome& outcome)
{
    mImportButton->setEnabled(true);
    mCancelButton->setEnabled(false);
    mProgressTimer.stop();
    mProgress->hide();
    const bool cancelled = mProgressState && mProgressState->cancel;
    mProgressState.reset();
    mRejections->setRowCount(0);
    if (!outcome.ok)
    {
        mSummary = cancelled ? tr("Import cancelled: nothing was written.") : outcome.error;
    }
    else if (!outcome.wasIncidents)
    {
        const auto& r = outcome.layer;
        mSummary = tr("Layer %1: %2 features written, %3 geometries repaired, %4 skipped (CRS %5, text %6).")
                       .arg(qs(r.table))
                       .arg(r.featuresWritten)
                       .arg(r.geometriesRepaired)
                       .arg(r.geometriesSkipped)
                       .arg(qs(r.crsUsed), qs(r.encoding));
    }
    else
    {
        const auto& r = outcome.incidents;
        mSummary = outcome.committed ? tr("%1 rows read, %2 imported, %3 rejected; %4 placed in a grid.")
                                           .arg(r.rowsRead)
                                           .arg(r.rowsImported)
                                           .arg(r.rejections.size())
                                           .arg(r.rowsWithGrid)
                                     : tr("Nothing imported: %1 of %2 rows rejected and “import nothing” is on.")
                                           .arg(r.rejections.size())
                                           .arg(r.rowsRead);
        const int shown = std::min<int>(RejectionsShown, static_cast<int>(r.rejections.size()));
        mRejections->setRowCount(shown);
        for (int i = 0; i < shown; ++i)
        {
            const auto& rejection = r.rejections[i];
            mRejections->setItem(i, 0, new QTableWidgetItem(QString::number(rejection.row)));
            mRejections->setItem(i, 1, new QTableWidgetItem(ErrorText::rejectReason(rejection.reason)));
            mRejections->setItem(i, 2, new QTableWidgetItem(qs(rejection.detail)));
        }
    }
    mStatus->setText(mSummary);
    if (outcome.ok && outcome.committed)
        emit imported(outcome.table);
    emit importFinished(outcome.ok && outcome.committed);
}

} // namespace citytwin::app
