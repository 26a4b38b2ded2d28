#pragma once

#include "data/incidents/incident_store.hpp"
#include "data/project/project_store.hpp"

#include <QDate>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include <QDialog>
#include <QList>
#include <QString>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace citytwin::app
{
class BriefingMode;
class TourPlayer;

/// Bookmarks ▸ Edit Tours…: the open project's tours, each a list of stops (a saved view, how long it is held,
/// a caption for the audience and notes for the presenter) and the KPI tiles shown while it plays. Add Current
/// View saves the view (camera, layers, colouring, heat, filter) as a new bookmark and appends it; stops are
/// reordered, removed, captioned and timed here; Save writes the tour into the project; Export… / Import… move
/// a tour as a JSON file with its bookmarks; Present starts briefing mode on it. Non-modal. GUI thread.
class TourEditor : public QDialog
{
    Q_OBJECT
public:
    TourEditor(const QString& projectPath, TourPlayer& tours, BriefingMode& briefing, QWidget* parent = nullptr);

    /// The tour being edited, as Save would write it.
    const data::Tour& tour() const { return mTour; }
    /// Where the project's incidents are (for composing the week's briefing); null while they load.
    void setIncidents(std::function<const data::IncidentStore*()> incidents) { mIncidents = std::move(incidents); }
    /// Composes the briefing of the week holding day (make-tour's tour), saves it and edits it.
    bool composeWeek(const QDate& day);
    /// Edits a project's tour (or a new one of that name); false when the project cannot be read.
    bool edit(const QString& name);
    /// Appends the current view as a stop (a new bookmark named after the tour and the stop).
    bool addCurrentView();
    /// Writes the tour into the project; false (with a message) when it cannot.
    bool save();
    bool exportTo(const QString& path);
    bool importFrom(const QString& path);
    QString lastError() const { return mLastError; }

signals:
    /// A tour was saved or imported into the project.
    void toursChanged();

private:
    void askNewTour();
    void deleteTour();
    void askWeek();
    void reloadTours(const QString& select);
    void showStops(int select);
    /// "2. caption (8 s)": the stop's caption, else its bookmark's, else the bookmark's name.
    QString stopLabel(std::size_t index) const;
    void showStop(int row);
    void storeStop();
    void moveStop(int by);
    void removeStop();
    void fail(const QString& message);
    std::optional<data::ProjectStore> openProject(bool readOnly);

    QString mPath;
    std::function<const data::IncidentStore*()> mIncidents;
    TourPlayer& mTours;
    BriefingMode& mBriefing;
    data::Tour mTour;
    QString mLastError;
    bool mFilling = false;
    /// The captions of the project's bookmarks, by name (a stop without its own shows its bookmark's).
    std::map<std::string, std::string> mBookmarkCaptions;

    QComboBox* mTourBox = nullptr;
    QListWidget* mStops = nullptr;
    QLineEdit* mCaption = nullptr;
    QDoubleSpinBox* mDuration = nullptr;
    QPlainTextEdit* mNotes = nullptr;
    QList<QCheckBox*> mTiles;
};

} // namespace citytwin::app
