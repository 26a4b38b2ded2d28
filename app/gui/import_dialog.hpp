#pragma once

#include "data/incidents/field_mapping.hpp"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace citytwin::app
{

/// File ▸ Import into Project: copies a source into the open project, as a layer or as incidents. For
/// incidents it previews the first rows, proposes a column mapping (editable, saved in the project as a
/// named profile and reusable), asks for the CRS of the coordinates, imports in the background in one
/// transaction, and lists the rejected rows with their reasons.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        Incidents,
        Layer,
    };

    ImportDialog(const QString& projectPath, QWidget* parent = nullptr);

    /// Chooses the source file: reads its layers and a preview, and proposes a mapping.
    void setSource(const QString& path);
    void setKind(Kind kind);
    void setCrs(const QString& crs);
    /// Maps a target field (external_id, reported_at, category, ..., x, y) to a source column ("" unmaps).
    void setColumn(const QString& target, const QString& column);
    /// Returns the mapping as the dialog shows it.
    data::FieldMapping mapping() const;

    /// Starts the import in the background, with its progress shown and Cancel offered; importFinished follows.
    void startImport();
    bool isRunning() const;
    /// Cancels the running import (Cancel): it rolls back, nothing is written.
    void cancelImport();
    /// Returns the summary of the last import (empty before).
    QString summary() const;
    int previewRowCount() const;
    int rejectionRowCount() const;

signals:
    /// Emitted after an import committed: the table written ("incidents" or the layer's table).
    void imported(const QString& table);
    void importFinished(bool committed);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Outcome;
    void buildUi();
    void retranslateUi();
    void browse();
    void loadPreview();
    void loadProfile();
    void saveProfile();
    void showOutcome(const Outcome& outcome);

    QString mProjectPath;
    QLineEdit* mSourceEdit = nullptr;
    QPushButton* mBrowseButton = nullptr;
    QComboBox* mLayerCombo = nullptr;
    QComboBox* mKindCombo = nullptr;
    QComboBox* mCrsCombo = nullptr;
    QStackedWidget* mPages = nullptr;
    QTableWidget* mPreview = nullptr;
    std::map<std::string, QComboBox*> mColumnCombos;
    std::map<std::string, QLabel*> mColumnLabels;
    QLineEdit* mOffsetEdit = nullptr;
    QCheckBox* mStrictCheck = nullptr;
    QComboBox* mProfileCombo = nullptr;
    QPushButton* mLoadProfileButton = nullptr;
    QLineEdit* mProfileNameEdit = nullptr;
    QPushButton* mSaveProfileButton = nullptr;
    QLineEdit* mTableEdit = nullptr;
    QCheckBox* mReplaceCheck = nullptr;
    QPushButton* mImportButton = nullptr;
    QPushButton* mCloseButton = nullptr;
    QLabel* mStatus = nullptr;
    QTableWidget* mRejections = nullptr;
    QList<QLabel*> mLabels;
    QFutureWatcher<std::shared_ptr<Outcome>>* mWatcher = nullptr;
    /// The running import's progress, written by it and shown every 100 ms by mProgressTimer; Cancel sets cancel.
    struct Progress
    {
        std::atomic<bool> cancel{false};
        std::atomic<bool> writing{false};
        std::atomic<std::int64_t> rows{0};
    };
    std::shared_ptr<Progress> mProgressState;
    QProgressBar* mProgress = nullptr;
    QPushButton* mCancelButton = nullptr;
    QTimer mProgressTimer;
    QString mSummary;
    QStringList mColumns;
};

} // namespace citytwin::app
