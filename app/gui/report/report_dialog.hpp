#pragma once

#include "app/common/report/report_writer.hpp"

#include "data/incidents/incident_filter.hpp"
#include "data/project/report_template.hpp"

#include <functional>
#include <memory>
#include <optional>

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>
#include <QPointer>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSpinBox;

namespace citytwin::app
{
class ReportData;
class ReportScene;
class TemplateEditor;

/// File ▸ Export Report… (Ctrl+P): a map report of the open project, as `citytwin report` makes it. The user picks a
/// template (the ready ones and the project's own), may override its atlas level, limit an atlas to chosen areas,
/// use the Analysis dock's filter (shown in words), and picks the format, resolution and file; a preview shows any
/// page of the plan. Export writes on the GUI thread under a progress dialog whose Cancel leaves nothing under the
/// final name. Edit Template… opens the TemplateEditor. The project is read once per dialog. Non-modal. GUI thread.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    /// The Analysis dock's current filter, or nothing while its incidents are not loaded.
    using FilterSource = std::function<std::optional<data::IncidentFilter>()>;

    ReportDialog(const QString& projectPath, FilterSource filter, QWidget* parent = nullptr);
    ~ReportDialog() override;

    /// Reads the project (under a wait cursor) and shows its templates; false, with the reason in lastError(),
    /// when it cannot be read.
    bool loadProject();
    /// Shows a project read already (ReportData::load, on the thread pool by the window).
    bool loadProject(std::unique_ptr<ReportData> data);
    /// Chooses a template by name (the project's, else a ready one); false when there is none.
    bool selectTemplate(const QString& name);
    /// The request Export would write; nothing, with the reason in error, when an option is missing or wrong.
    std::optional<ReportRequest> request(QString& error) const;
    /// Writes the report on the thread pool under a progress dialog (Cancel stops it after the page being written)
    /// and tells the user how it went; exported follows. False when the options are wrong (the reason shown).
    bool exportReport();
    /// Whether an export is running.
    bool isExporting() const { return mExport != nullptr; }
    /// Opens the template editor on the chosen template.
    TemplateEditor* editTemplate();
    /// Paints the first area page of a template with the dialog's options (the editor's preview), at preview dpi.
    QImage previewOf(const data::ReportTemplate& layout) const;
    /// The page the preview shows now.
    QImage previewImage() const;
    /// The last error shown to the user (empty when none).
    QString lastError() const { return mLastError; }
    /// Shows the Analysis dock's filter again (it changed) and repaints the preview.
    void dockFilterChanged();

signals:
    /// The preview was painted again.
    void previewUpdated();
    /// A page of an export was written (done of total); the progress dialog is still open.
    void exportProgress(int done, int total);
    /// An export finished: the files written (none when it failed or was cancelled).
    void exported(const QStringList& files);

private:
    struct Widgets;
    struct PreviewPainted;

    void buildOptions();
    void buildPreview();
    void connectOptions();
    void reloadTemplates(const QString& select);
    void chooseTemplate();
    void fillAreas();
    void updateFilterWords();
    void updateOutputName();
    void browse();
    void schedulePreview();
    void refreshPreview();
    void showPreview(const PreviewPainted& painted);
    void fail(const QString& message);
    void reportOutcome(const ReportOutcome& outcome);
    std::optional<data::IncidentFilter> dockFilter() const;
    /// The request of the options as they are, unchecked (the preview's).
    ReportRequest optionsRequest() const;
    data::AtlasLevel atlasLevel() const;
    ReportWriter::SceneRenderer sceneRenderer();

    QString mPath;
    FilterSource mFilter;
    std::unique_ptr<ReportData> mData;
    std::unique_ptr<ReportWriter> mWriter;
    std::unique_ptr<ReportScene> mScene;
    std::optional<data::ReportTemplate> mLayout;
    std::unique_ptr<Widgets> mWidgets;
    QPointer<TemplateEditor> mEditor;
    /// Stops a running export and waits for it, and for a preview being painted (the dialog or its writer going away).
    void stopExport();
    /// The preview's page, painted on the thread pool (refreshPreview); one at a time, the latest request shown.
    QFutureWatcher<std::shared_ptr<PreviewPainted>>* mPreviewWatcher = nullptr;
    bool mPreviewAgain = false;
    /// The running export: its watcher and the flag Cancel sets (read by the writer between pages).
    struct Export;
    std::unique_ptr<Export> mExport;
    QStringList mSceneWarnings;
    QString mLastError;
    bool mOutputEdited = false;
};

} // namespace citytwin::app
