#include "app/gui/briefing/tour_editor.hpp"

#include "app/common/analysis_inputs.hpp"
#include "app/common/error_text.hpp"
#include "app/common/weekly_tour.hpp"
#include "app/gui/briefing/briefing_mode.hpp"
#include "app/gui/tour_player.hpp"

#include "data/analysis/briefing_kpis.hpp"
#include "data/core/date_time.hpp"
#include "data/project/tour_file.hpp"

#include <algorithm>

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace citytwin::app
{

TourEditor::TourEditor(const QString& projectPath, TourPlayer& tours, BriefingMode& briefing, QWidget* parent)
    : QDialog(parent), mPath(projectPath), mTours(tours), mBriefing(briefing)
{
    setObjectName(QStringLiteral("tourEditor"));
    setWindowTitle(tr("Edit Tours"));
    auto* layout = new QVBoxLayout(this);

    auto* tourRow = new QHBoxLayout;
    mTourBox = new QComboBox(this);
    mTourBox->setObjectName(QStringLiteral("tours"));
    tourRow->addWidget(mTourBox, 1);
    auto* newTour = new QPushButton(tr("New…"), this);
    auto* deleteTour = new QPushButton(tr("Delete"), this);
    auto* compose = new QPushButton(tr("Compose This Week's Briefing…"), this);
    compose->setObjectName(QStringLiteral("composeWeek"));
    compose->setToolTip(tr("A stop per significant change of a week (hot spots, categories' rises, overdue "
                           "backlogs), strongest first, then the district overview — as citytwin make-tour does"));
    tourRow->addWidget(newTour);
    tourRow->addWidget(deleteTour);
    tourRow->addWidget(compose);
    layout->addLayout(tourRow);

    auto* middle = new QHBoxLayout;
    auto* stopColumn = new QVBoxLayout;
    mStops = new QListWidget(this);
    mStops->setObjectName(QStringLiteral("stops"));
    stopColumn->addWidget(mStops, 1);
    auto* stopButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add Current View"), this);
    add->setObjectName(QStringLiteral("addCurrentView"));
    auto* up = new QPushButton(tr("Up"), this);
    auto* down = new QPushButton(tr("Down"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    for (QPushButton* button : {add, up, down, remove})
        stopButtons->addWidget(button);
    stopColumn->addLayout(stopButtons);
    middle->addLayout(stopColumn, 1);

    auto* stopBox = new QGroupBox(tr("Stop"), this);
    auto* form = new QFormLayout(stopBox);
    mCaption = new QLineEdit(stopBox);
    mCaption->setObjectName(QStringLiteral("caption"));
    mDuration = new QDoubleSpinBox(stopBox);
    mDuration->setObjectName(QStringLiteral("duration"));
    mDuration->setRange(1.0, 3600.0);
    mDuration->setDecimals(1);
    mDuration->setSuffix(tr(" s"));
    mNotes = new QPlainTextEdit(stopBox);
    mNotes->setObjectName(QStringLiteral("notes"));
    form->addRow(tr("Caption:"), mCaption);
    form->addRow(tr("Held for:"), mDuration);
    form->addRow(tr("Presenter's notes:"), mNotes);
    middle->addWidget(stopBox, 1);
    layout->addLayout(middle, 1);

    auto* tilesBox = new QGroupBox(tr("KPI tiles"), this);
    auto* tilesGrid = new QGridLayout(tilesBox);
    for (const QString& key : BriefingMode::tileKeys())
    {
        auto* box = new QCheckBox(BriefingMode::tileTitle(key), tilesBox);
        box->setProperty("key", key);
        box->setChecked(true);
        tilesGrid->addWidget(box, static_cast<int>(mTiles.size()) / 3, static_cast<int>(mTiles.size()) % 3);
        mTiles << box;
    }
    layout->addWidget(tilesBox);

    auto* buttons = new QDialogButtonBox(this);
    auto* saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    auto* exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    auto* importButton = buttons->addButton(tr("Import…"), QDialogButtonBox::ActionRole);
    auto* presentButton = buttons->addButton(tr("Present"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    resize(820, 560);

    connect(mTourBox, &QComboBox::activated, this, [this] { edit(mTourBox->currentText()); });
    connect(newTour, &QPushButton::clicked, this, &TourEditor::askNewTour);
    connect(deleteTour, &QPushButton::clicked, this, &TourEditor::deleteTour);
    connect(compose, &QPushButton::clicked, this, &TourEditor::askWeek);
    connect(mStops, &QListWidget::currentRowChanged, this, &TourEditor::showStop);
    connect(add, &QPushButton::clicked, this, &TourEditor::addCurrentView);
    connect(up, &QPushButton::clicked, this, [this] { moveStop(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveStop(1); });
    connect(remove, &QPushButton::clicked, this, &TourEditor::removeStop);
    connect(mCaption, &QLineEdit::textEdited, this, &TourEditor::storeStop);
    connect(mDuration, &QDoubleSpinBox::valueChanged, this, &TourEditor::storeStop);
    connect(mNotes, &QPlainTextEdit::textChanged, this, &TourEditor::storeStop);
    connect(saveButton, &QPushButton::clicked, this, &TourEditor::save);
    connect(exportButton, &QPushButton::clicked, this,
            [this]
            {
                const QString path = QFileDialog::getSaveFileName(
                    this, tr("Export Tour"), QString::fromStdString(mTour.name) + QStringLiteral(".tour.json"),
                    tr("Tour files (*.json)"));
                if (!path.isEmpty())
                    exportTo(path);
            });
    connect(importButton, &QPushButton::clicked, this,
            [this]
            {
                const QString path =
                    QFileDialog::getOpenFileName(this, tr("Import Tour"), {}, tr("Tour files (*.json)"));
                if (!path.isEmpty())
                    importFrom(path);
            });
    connect(presentButton, &QPushButton::clicked, this,
            [this]
            {
                if (!save())
                    return;
                hide();
                mBriefing.enter(-1, {}, QString::fromStdString(mTour.name));
            });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    reloadTours({});
}

void TourEditor::askNewTour()
{
    bool chosen = false;
    const QString name =
        QInputDialog::getText(this, tr("New Tour"), tr("Name of the tour:"), QLineEdit::Normal, {}, &chosen).trimmed();
    if (chosen && !name.isEmpty())
    {
        edit(name);
        if (mTourBox->findText(name) < 0)
            mTourBox->addItem(name);
        mTourBox->setCurrentText(name);
    }
}

void TourEditor::deleteTour()
{
    auto project = openProject(false);
    if (!project)
        return;
    if (auto removed = project->deleteTour(mTour.name); !removed)
        fail(ErrorText::describe(removed.error()));
    reloadTours({});
    emit toursChanged();
}

void TourEditor::askWeek()
{
    const data::IncidentStore* store = mIncidents ? mIncidents() : nullptr;
    const std::optional<std::int64_t> latest = store ? data::latestReport(*store) : std::nullopt;
    const QDate last = latest ? AnalysisInputs::districtTime(*latest).date() : QDate::currentDate();
    bool chosen = false;
    const QString text =
        QInputDialog::getText(this, tr("Compose This Week's Briefing"), tr("A day of the week (yyyy-MM-dd):"),
                              QLineEdit::Normal, last.toString(Qt::ISODate), &chosen);
    if (chosen)
        composeWeek(QDate::fromString(text.trimmed(), Qt::ISODate));
}

std::optional<data::ProjectStore> TourEditor::openProject(bool readOnly)
{
    auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = readOnly});
    if (!project)
    {
        fail(ErrorText::describe(project.error()));
        return std::nullopt;
    }
    return std::move(project.value());
}

void TourEditor::reloadTours(const QString& select)
{
    const QStringList names = mTours.tourNames();
    mTourBox->clear();
    mTourBox->addItems(names);
    const QString chosen = names.contains(select) ? select : names.value(0);
    if (!chosen.isEmpty())
    {
        mTourBox->setCurrentText(chosen);
        edit(chosen);
    }
    else
    {
        mTour = {};
        showStops(-1);
    }
}

bool TourEditor::composeWeek(const QDate& day)
{
    const data::IncidentStore* store = mIncidents ? mIncidents() : nullptr;
    if (!store)
    {
        fail(tr("The project's incidents are still loading"));
        return false;
    }
    if (!day.isValid())
    {
        fail(tr("Not a date"));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto composed = composeWeeklyTour(mPath.toStdString(), *store, day);
    QApplication::restoreOverrideCursor();
    if (!composed)
    {
        fail(ErrorText::describe(composed.error()));
        return false;
    }
    reloadTours(QString::fromStdString(composed->tour.name));
    emit toursChanged();
    return true;
}

bool TourEditor::edit(const QString& name)
{
    auto project = openProject(true);
    if (!project)
        return false;
    auto tours = project->tours();
    if (!tours)
    {
        fail(ErrorText::describe(tours.error()));
        return false;
    }
    mBookmarkCaptions.clear();
    if (auto bookmarks = project->bookmarks())
        for (const data::Bookmark& bookmark : bookmarks.value())
            if (bookmark.state)
                mBookmarkCaptions[bookmark.name] = bookmark.state->caption;
    mTour = data::Tour{name.toStdString(), {}, {}};
    for (const data::Tour& tour : tours.value())
        if (tour.name == mTour.name)
            mTour = tour;
    const QSignalBlocker blocker(this);
    for (QCheckBox* box : mTiles)
        box->setChecked(mTour.kpis.empty() ||
                        std::find(mTour.kpis.begin(), mTour.kpis.end(),
                                  box->property("key").toString().toStdString()) != mTour.kpis.end());
    showStops(mTour.stops.empty() ? -1 : 0);
    return true;
}

QString TourEditor::stopLabel(std::size_t index) const
{
    const data::Tour::Stop& stop = mTour.stops[index];
    std::string caption = stop.caption;
    if (caption.empty() && mBookmarkCaptions.count(stop.bookmark))
        caption = mBookmarkCaptions.at(stop.bookmark);
    return tr("%1. %2 (%3 s)")
        .arg(index + 1)
        .arg(QString::fromStdString(caption.empty() ? stop.bookmark : caption))
        .arg(stop.durationSeconds);
}

void TourEditor::showStops(int select)
{
    mFilling = true;
    mStops->clear();
    for (std::size_t i = 0; i < mTour.stops.size(); ++i)
        mStops->addItem(stopLabel(i));
    mFilling = false;
    mStops->setCurrentRow(select);
    showStop(select);
}

void TourEditor::showStop(int row)
{
    const bool valid = row >= 0 && row < static_cast<int>(mTour.stops.size());
    mFilling = true;
    mCaption->setEnabled(valid);
    mDuration->setEnabled(valid);
    mNotes->setEnabled(valid);
    mCaption->setText(valid ? QString::fromStdString(mTour.stops[static_cast<std::size_t>(row)].caption) : QString());
    // Without its own caption a stop shows its bookmark's: offered as the placeholder.
    const auto own =
        valid ? mBookmarkCaptions.find(mTour.stops[static_cast<std::size_t>(row)].bookmark) : mBookmarkCaptions.end();
    mCaption->setPlaceholderText(own != mBookmarkCaptions.end() ? QString::fromStdString(own->second) : QString());
    mDuration->setValue(valid ? mTour.stops[static_cast<std::size_t>(row)].durationSeconds : 8.0);
    mNotes->setPlainText(valid ? QString::fromStdString(mTour.stops[static_cast<std::size_t>(row)].notes) : QString());
    mFilling = false;
}

void TourEditor::storeStop()
{
    const int row = mStops->currentRow();
    if (mFilling || row < 0 || row >= static_cast<int>(mTour.stops.size()))
        return;
    data::Tour::Stop& stop = mTour.stops[static_cast<std::size_t>(row)];
    stop.caption = mCaption->text().toStdString();
    stop.durationSeconds = mDuration->value();
    stop.notes = mNotes->toPlainText().toStdString();
    mStops->item(row)->setText(stopLabel(static_cast<std::size_t>(row)));
}

bool TourEditor::addCurrentView()
{
    if (mTour.name.empty())
    {
        fail(tr("Choose or create a tour first"));
        return false;
    }
    // A bookmark name not taken yet: "<tour>-<n>".
    auto project = openProject(true);
    if (!project)
        return false;
    auto bookmarks = project->bookmarks();
    if (!bookmarks)
        return false;
    std::string name;
    for (int n = static_cast<int>(mTour.stops.size()) + 1;; ++n)
    {
        name = mTour.name + "-" + std::to_string(n);
        if (std::none_of(bookmarks->begin(), bookmarks->end(),
                         [&name](const data::Bookmark& bookmark) { return bookmark.name == name; }))
            break;
    }
    project.reset();
    if (!mTours.saveBookmark(QString::fromStdString(name)))
        return false;
    mTour.stops.push_back({name, 8.0, {}, {}});
    showStops(static_cast<int>(mTour.stops.size()) - 1);
    return true;
}

void TourEditor::moveStop(int by)
{
    const int row = mStops->currentRow(), target = row + by;
    if (row < 0 || target < 0 || target >= static_cast<int>(mTour.stops.size()))
        return;
    std::swap(mTour.stops[static_cast<std::size_t>(row)], mTour.stops[static_cast<std::size_t>(target)]);
    showStops(target);
}

void TourEditor::removeStop()
{
    const int row = mStops->currentRow();
    if (row < 0 || row >= static_cast<int>(mTour.stops.size()))
        return;
    mTour.stops.erase(mTour.stops.begin() + row);
    showStops(std::min(row, static_cast<int>(mTour.stops.size()) - 1));
}

bool TourEditor::save()
{
    mTour.kpis.clear();
    bool all = true;
    for (QCheckBox* box : mTiles)
    {
        all = all && box->isChecked();
        if (box->isChecked())
            mTour.kpis.push_back(box->property("key").toString().toStdString());
    }
    if (all)
        mTour.kpis.clear(); // every tile: the default set, which grows with new tiles
    auto project = openProject(false);
    if (!project)
        return false;
    if (auto saved = project->saveTour(mTour); !saved)
    {
        fail(ErrorText::describe(saved.error()));
        return false;
    }
    reloadTours(QString::fromStdString(mTour.name));
    emit toursChanged();
    return true;
}

bool TourEditor::exportTo(const QString& path)
{
    if (!save())
        return false;
    auto project = openProject(false);
    if (!project)
        return false;
    if (auto written = data::exportTour(*project, mTour.name, path.toStdString()); !written)
    {
        fail(ErrorText::describe(written.error()));
        return false;
    }
    return true;
}

bool TourEditor::importFrom(const QString& path)
{
    auto project = openProject(false);
    if (!project)
        return false;
    auto imported = data::importTour(*project, path.toStdString());
    if (!imported)
    {
        fail(ErrorText::describe(imported.error()));
        return false;
    }
    project.reset();
    reloadTours(QString::fromStdString(imported->name));
    emit toursChanged();
    return true;
}

void TourEditor::fail(const QString& message)
{
    mLastError = message;
    auto* box = new QMessageBox(QMessageBox::Warning, windowTitle(), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace citytwin::app
