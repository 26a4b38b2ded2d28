#include "app/gui/report/template_editor.hpp"

#include "app/common/error_text.hpp"
#include "app/common/report/report_writer.hpp"
#include "app/gui/report/page_preview.hpp"
#include "app/gui/report/template_items.hpp"
#include "app/gui/wait_cursor.hpp"

#include "data/project/project_store.hpp"

#include <algorithm>
#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace citytwin::app
{
namespace
{
/// The preview follows typing about 300 ms after the last key.
constexpr int PreviewDelayMs = 300;
/// A template file is a few kilobytes; anything this large is not one.
constexpr qint64 MaximumFileBytes = 4 * 1024 * 1024;
/// The columns of the items table.
enum Column
{
    KindColumn,
    XColumn,
    YColumn,
    WidthColumn,
    HeightColumn,
    OptionsColumn,
    ColumnCount,
};
} // namespace

struct TemplateEditor::Widgets
{
    QLineEdit* name = nullptr;
    QLabel* nameHint = nullptr;
    QComboBox* pageSize = nullptr;
    QComboBox* orientation = nullptr;
    QDoubleSpinBox* margin = nullptr;
    QLineEdit* title = nullptr;
    QLineEdit* subtitle = nullptr;
    QLineEdit* footer = nullptr;
    QComboBox* atlas = nullptr;
    QCheckBox* cover = nullptr;
    QCheckBox* contents = nullptr;
    QTableWidget* items = nullptr;
    QLabel* problem = nullptr;
    PagePreview* preview = nullptr;
    QLabel* status = nullptr;
    QPushButton* deleteButton = nullptr;
};

TemplateEditor::TemplateEditor(const QString& projectPath, Preview preview, QWidget* parent)
    : QDialog(parent), mPath(projectPath), mPreview(std::move(preview)), mWidgets(std::make_unique<Widgets>())
{
    setObjectName(QStringLiteral("templateEditor"));
    setWindowTitle(tr("Edit Report Template"));
    mFilling = true; // no preview until the fields are built and filled
    auto* layout = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    layout->addLayout(columns, 1);
    auto* left = new QVBoxLayout;
    columns->addLayout(left, 3);
    left->addWidget(buildPageFields());
    left->addWidget(buildItems(), 1);

    auto* right = new QVBoxLayout;
    columns->addLayout(right, 2);
    Widgets& w = *mWidgets;
    w.preview = new PagePreview(PreviewDelayMs, this);
    connect(w.preview, &PagePreview::due, this, &TemplateEditor::refreshPreview);
    right->addWidget(w.preview, 1);
    w.status = named(new QLabel(this), "status");
    w.status->setWordWrap(true);
    right->addWidget(w.status);
    buildButtons(this);
    mSavedNames = projectTemplates();
    mFilling = false;
    resize(1320, 820);
}

TemplateEditor::~TemplateEditor() = default;

QString TemplateEditor::atlasLevelName(data::AtlasLevel level)
{
    switch (level)
    {
    case data::AtlasLevel::None:
        return tr("One page for the district");
    case data::AtlasLevel::Community:
        return tr("A page per community");
    case data::AtlasLevel::Grid:
        return tr("A page per grid cell");
    case data::AtlasLevel::Street:
        return tr("A page per street");
    }
    return {};
}

QWidget* TemplateEditor::buildPageFields()
{
    Widgets& w = *mWidgets;
    auto* box = new QGroupBox(tr("Template"), this);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    w.name = named(new QLineEdit(box), "name");
    w.nameHint = named(new QLabel(box), "nameHint");
    w.nameHint->setWordWrap(true);
    form->addRow(tr("Name:"), w.name);
    form->addRow(QString(), w.nameHint);

    auto* pageRow = new QHBoxLayout;
    w.pageSize = named(new QComboBox(box), "pageSize");
    w.pageSize->addItem(QStringLiteral("A4"), QStringLiteral("A4"));
    w.pageSize->addItem(QStringLiteral("A3"), QStringLiteral("A3"));
    w.orientation = named(new QComboBox(box), "orientation");
    w.orientation->addItem(tr("Portrait"), false);
    w.orientation->addItem(tr("Landscape"), true);
    w.margin = named(new QDoubleSpinBox(box), "margin");
    w.margin->setRange(0.0, 50.0);
    w.margin->setDecimals(1);
    w.margin->setSuffix(tr(" mm"));
    pageRow->addWidget(w.pageSize);
    pageRow->addWidget(w.orientation);
    pageRow->addWidget(new QLabel(tr("Margin:"), box));
    pageRow->addWidget(w.margin);
    pageRow->addStretch(1);
    form->addRow(tr("Page:"), pageRow);

    const QString placeholders =
        tr("Placeholders: {area} the page's area, {district} the district, {period} the filter's time range, "
           "{filter} the filter in words, {date} the data's date, {project} the project's name");
    w.title = named(new QLineEdit(box), "title");
    w.subtitle = named(new QLineEdit(box), "subtitle");
    w.footer = named(new QLineEdit(box), "footer");
    for (QLineEdit* edit : {w.title, w.subtitle, w.footer})
        edit->setToolTip(placeholders);
    form->addRow(tr("Title:"), w.title);
    form->addRow(tr("Subtitle:"), w.subtitle);
    form->addRow(tr("Footer:"), w.footer);
    auto* help = new QLabel(placeholders, box);
    help->setWordWrap(true);
    help->setStyleSheet(QStringLiteral("color: #555;"));
    form->addRow(QString(), help);

    auto* atlasRow = new QHBoxLayout;
    w.atlas = named(new QComboBox(box), "atlas");
    for (const data::AtlasLevel level :
         {data::AtlasLevel::None, data::AtlasLevel::Community, data::AtlasLevel::Grid, data::AtlasLevel::Street})
        w.atlas->addItem(atlasLevelName(level), static_cast<int>(level));
    w.cover = named(new QCheckBox(tr("Cover"), box), "cover");
    w.contents = named(new QCheckBox(tr("Contents"), box), "contents");
    w.cover->setToolTip(tr("An atlas of several areas opens with a cover page"));
    w.contents->setToolTip(tr("An atlas of several areas lists its pages after the cover"));
    atlasRow->addWidget(w.atlas, 1);
    atlasRow->addWidget(w.cover);
    atlasRow->addWidget(w.contents);
    form->addRow(tr("Pages:"), atlasRow);

    for (QLineEdit* edit : {w.name, w.title, w.subtitle, w.footer})
        connect(edit, &QLineEdit::textChanged, this, &TemplateEditor::changed);
    for (QComboBox* combo : {w.pageSize, w.orientation, w.atlas})
        connect(combo, &QComboBox::currentIndexChanged, this, &TemplateEditor::changed);
    connect(w.margin, &QDoubleSpinBox::valueChanged, this, &TemplateEditor::changed);
    for (QCheckBox* check : {w.cover, w.contents})
        connect(check, &QCheckBox::toggled, this, &TemplateEditor::changed);
    return box;
}

QWidget* TemplateEditor::buildItems()
{
    Widgets& w = *mWidgets;
    auto* box = new QGroupBox(tr("Items (boxes as fractions of the printable area, 0 to 1)"), this);
    auto* layout = new QVBoxLayout(box);
    w.items = named(new QTableWidget(0, ColumnCount, box), "items");
    w.items->setHorizontalHeaderLabels({tr("Kind"), tr("x"), tr("y"), tr("Width"), tr("Height"), tr("Options")});
    w.items->horizontalHeader()->setSectionResizeMode(OptionsColumn, QHeaderView::Stretch);
    w.items->setColumnWidth(KindColumn, 150);
    for (int column = XColumn; column <= HeightColumn; ++column)
        w.items->setColumnWidth(column, 64);
    w.items->setSelectionBehavior(QAbstractItemView::SelectRows);
    w.items->setSelectionMode(QAbstractItemView::SingleSelection);
    w.items->setWordWrap(true);
    // The options wrap: the rows' heights follow the column's width.
    // Queued: the header emits while it lays out its sections, before the new widths count.
    connect(w.items->horizontalHeader(), &QHeaderView::sectionResized, w.items, &QTableView::resizeRowsToContents,
            Qt::QueuedConnection);
    w.items->horizontalHeaderItem(OptionsColumn)
        ->setToolTip(tr("key=value; key=value — hold the pointer over a cell for its kind's options"));
    layout->addWidget(w.items, 1);
    w.problem = named(new QLabel(box), "problem");
    w.problem->setWordWrap(true);
    w.problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    layout->addWidget(w.problem);

    auto* buttons = new QHBoxLayout;
    auto* add = named(new QPushButton(tr("Add"), box), "addItem");
    auto* remove = named(new QPushButton(tr("Remove"), box), "removeItem");
    auto* up = named(new QPushButton(tr("Up"), box), "moveUp");
    auto* down = named(new QPushButton(tr("Down"), box), "moveDown");
    add->setToolTip(tr("Adds a text item after the selected one; choose its kind in the first column"));
    for (QPushButton* button : {add, remove, up, down})
        buttons->addWidget(button);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &TemplateEditor::addItem);
    connect(remove, &QPushButton::clicked, this, &TemplateEditor::removeItem);
    connect(up, &QPushButton::clicked, this, [this] { moveItem(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveItem(1); });
    connect(w.items, &QTableWidget::itemChanged, this,
            [this](QTableWidgetItem* item)
            {
                mWidgets->items->resizeRowToContents(item->row()); // the options shown whole
                changed();
            });
    return box;
}

void TemplateEditor::buildButtons(QWidget* parentWidget)
{
    auto* buttons = new QDialogButtonBox(parentWidget);
    auto* save = named(buttons->addButton(tr("Save to Project"), QDialogButtonBox::AcceptRole), "save");
    save->setToolTip(tr("Keeps the template in the project under its name; Export Report lists it"));
    mWidgets->deleteButton = named(buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole), "delete");
    mWidgets->deleteButton->setToolTip(tr("Removes the template of this name from the project"));
    auto* importButton = named(buttons->addButton(tr("Import JSON…"), QDialogButtonBox::ActionRole), "import");
    auto* exportButton = named(buttons->addButton(tr("Export JSON…"), QDialogButtonBox::ActionRole), "export");
    buttons->addButton(QDialogButtonBox::Close);
    layout()->addWidget(buttons);
    connect(save, &QPushButton::clicked, this, &TemplateEditor::saveToProject);
    connect(mWidgets->deleteButton, &QPushButton::clicked, this, &TemplateEditor::askDelete);
    connect(importButton, &QPushButton::clicked, this,
            [this]
            {
                const QString path = QFileDialog::getOpenFileName(this, tr("Import Report Template"), {},
                                                                  tr("Report templates (*.json)"));
                if (!path.isEmpty())
                    importFrom(path);
            });
    connect(exportButton, &QPushButton::clicked, this,
            [this]
            {
                const QString path = QFileDialog::getSaveFileName(
                    this, tr("Export Report Template"), mWidgets->name->text().trimmed() + QStringLiteral(".json"),
                    tr("Report templates (*.json)"));
                if (!path.isEmpty())
                    exportTo(path);
            });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
}

void TemplateEditor::setTemplate(const data::ReportTemplate& layout)
{
    Widgets& w = *mWidgets;
    mFilling = true;
    w.name->setText(QString::fromStdString(layout.name));
    w.pageSize->setCurrentIndex(std::max(0, w.pageSize->findData(QString::fromStdString(layout.pageSize))));
    w.orientation->setCurrentIndex(layout.landscape ? 1 : 0);
    w.margin->setValue(layout.marginMm);
    w.title->setText(QString::fromStdString(layout.title));
    w.subtitle->setText(QString::fromStdString(layout.subtitle));
    w.footer->setText(QString::fromStdString(layout.footer));
    w.atlas->setCurrentIndex(std::max(0, w.atlas->findData(static_cast<int>(layout.atlas))));
    w.cover->setChecked(layout.cover);
    w.contents->setChecked(layout.contents);
    std::vector<Row> rows;
    for (const data::ReportItem& item : layout.items)
        rows.push_back({QString::fromStdString(item.kind),
                        {TemplateItems::fractionText(item.rect.x), TemplateItems::fractionText(item.rect.y),
                         TemplateItems::fractionText(item.rect.width), TemplateItems::fractionText(item.rect.height),
                         TemplateItems::optionsText(item)}});
    mFilling = false;
    setRows(rows, rows.empty() ? -1 : 0);
    w.status->clear();
    changed();
}

std::vector<TemplateEditor::Row> TemplateEditor::rows() const
{
    const QTableWidget* table = mWidgets->items;
    std::vector<Row> rows;
    for (int r = 0; r < table->rowCount(); ++r)
    {
        Row row;
        if (const auto* kind = qobject_cast<QComboBox*>(table->cellWidget(r, KindColumn)))
            row.kind = kind->currentData().toString();
        for (int column = XColumn; column < ColumnCount; ++column)
            row.cells << (table->item(r, column) ? table->item(r, column)->text() : QString());
        rows.push_back(std::move(row));
    }
    return rows;
}

void TemplateEditor::setRows(const std::vector<Row>& rows, int select)
{
    QTableWidget* table = mWidgets->items;
    const bool filling = std::exchange(mFilling, true);
    table->setRowCount(0);
    table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < table->rowCount(); ++r)
    {
        const Row& row = rows[static_cast<std::size_t>(r)];
        auto* kind = new QComboBox(table);
        for (const QString& code : TemplateItems::kinds())
            kind->addItem(TemplateItems::kindName(code), code);
        kind->setCurrentIndex(std::max(0, kind->findData(row.kind)));
        table->setCellWidget(r, KindColumn, kind);
        for (int column = XColumn; column < ColumnCount; ++column)
            table->setItem(r, column, new QTableWidgetItem(row.cells.value(column - XColumn)));
        table->item(r, OptionsColumn)->setToolTip(TemplateItems::optionsHelp(row.kind));
        connect(kind, &QComboBox::currentIndexChanged, this,
                [this, kind]
                {
                    for (int at = 0; at < mWidgets->items->rowCount(); ++at)
                        if (mWidgets->items->cellWidget(at, KindColumn) == kind)
                            setKind(at, kind->currentData().toString());
                });
    }
    table->resizeRowsToContents();
    if (select >= 0 && select < table->rowCount())
        table->selectRow(select);
    mFilling = filling;
    changed();
}

void TemplateEditor::setKind(int row, const QString& kind)
{
    // A new kind starts with its own options (the old kind's would not be understood).
    QTableWidgetItem* options = mWidgets->items->item(row, OptionsColumn);
    {
        const QSignalBlocker blocker(mWidgets->items);
        options->setText(TemplateItems::optionsText(TemplateItems::defaultItem(kind)));
        options->setToolTip(TemplateItems::optionsHelp(kind));
    }
    mWidgets->items->resizeRowToContents(row);
    changed();
}

void TemplateEditor::addItem()
{
    std::vector<Row> all = rows();
    const data::ReportItem item = TemplateItems::defaultItem(QStringLiteral("text"));
    const int at = mWidgets->items->currentRow() < 0 ? static_cast<int>(all.size()) : mWidgets->items->currentRow() + 1;
    all.insert(all.begin() + at,
               Row{QStringLiteral("text"),
                   {TemplateItems::fractionText(item.rect.x), TemplateItems::fractionText(item.rect.y),
                    TemplateItems::fractionText(item.rect.width), TemplateItems::fractionText(item.rect.height),
                    TemplateItems::optionsText(item)}});
    setRows(all, at);
}

void TemplateEditor::removeItem()
{
    std::vector<Row> all = rows();
    const int at = mWidgets->items->currentRow();
    if (at < 0 || at >= static_cast<int>(all.size()))
        return;
    all.erase(all.begin() + at);
    setRows(all, std::min(at, static_cast<int>(all.size()) - 1));
}

void TemplateEditor::moveItem(int by)
{
    std::vector<Row> all = rows();
    const int at = mWidgets->items->currentRow();
    const int to = at + by;
    if (at < 0 || to < 0 || to >= static_cast<int>(all.size()))
        return;
    std::swap(all[static_cast<std::size_t>(at)], all[static_cast<std::size_t>(to)]);
    setRows(all, to);
}

std::optional<data::ReportTemplate> TemplateEditor::currentTemplate(QString& error) const
{
    const Widgets& w = *mWidgets;
    data::ReportTemplate layout;
    layout.name = w.name->text().trimmed().toStdString();
    layout.title = w.title->text().toStdString();
    layout.subtitle = w.subtitle->text().toStdString();
    layout.footer = w.footer->text().toStdString();
    layout.pageSize = w.pageSize->currentData().toString().toStdString();
    layout.landscape = w.orientation->currentData().toBool();
    layout.marginMm = w.margin->value();
    layout.atlas = static_cast<data::AtlasLevel>(w.atlas->currentData().toInt());
    layout.cover = w.cover->isChecked();
    layout.contents = w.contents->isChecked();
    const std::vector<Row> all = rows();
    for (std::size_t r = 0; r < all.size(); ++r)
    {
        data::ReportItem item;
        item.kind = all[r].kind.toStdString();
        QString problem = TemplateItems::readRect(all[r].cells.mid(0, 4), item.rect);
        if (problem.isEmpty())
            problem = TemplateItems::readOptions(all[r].cells.value(4), item);
        if (!problem.isEmpty())
        {
            error = tr("Item %1 (%2): %3").arg(r + 1).arg(TemplateItems::kindName(all[r].kind), problem);
            return std::nullopt;
        }
        layout.items.push_back(std::move(item));
    }
    return layout;
}

void TemplateEditor::changed()
{
    if (mFilling)
        return;
    updateNameHint();
    mWidgets->preview->request();
}

void TemplateEditor::refreshPreview()
{
    Widgets& w = *mWidgets;
    QString error;
    const std::optional<data::ReportTemplate> layout = currentTemplate(error);
    w.problem->setText(error);
    if (!layout || !mPreview)
        return;
    {
        const WaitCursor wait;
        w.preview->setImage(mPreview(*layout));
    }
    emit previewUpdated();
}

QImage TemplateEditor::previewImage() const
{
    return mWidgets->preview->image();
}

QStringList TemplateEditor::projectTemplates() const
{
    QStringList names;
    if (auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true}))
        if (auto templates = project->reportTemplates())
            for (const auto& [name, json] : templates.value())
                names << QString::fromStdString(name);
    return names;
}

void TemplateEditor::updateNameHint()
{
    Widgets& w = *mWidgets;
    const QString name = w.name->text().trimmed();
    const bool saved = mSavedNames.contains(name);
    w.deleteButton->setEnabled(saved);
    if (name.isEmpty())
        w.nameHint->setText(tr("Give the template a name to save it."));
    else if (readyTemplateNames().contains(name))
        w.nameHint->setText(saved ? tr("The project's version of a ready template: Delete brings the ready one back.")
                                  : tr("A ready template's name: saved under it, this version replaces the ready "
                                       "one in this project. Choose another name to keep both."));
    else
        w.nameHint->setText(saved ? tr("Saved in the project.") : tr("Not saved in the project yet."));
}

bool TemplateEditor::saveToProject()
{
    QString error;
    const std::optional<data::ReportTemplate> layout = currentTemplate(error);
    if (!layout)
    {
        fail(tr("The template cannot be saved. %1").arg(error));
        return false;
    }
    if (layout->name.empty())
    {
        fail(tr("Give the template a name before saving it."));
        return false;
    }
    auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = false});
    if (!project)
    {
        fail(ErrorText::describe(project.error()));
        return false;
    }
    if (auto saved = project->saveReportTemplate(layout->name, layout->toJson()); !saved)
    {
        fail(ErrorText::describe(saved.error()));
        return false;
    }
    const QString name = QString::fromStdString(layout->name);
    mLastError.clear();
    mWidgets->status->setText(tr("Saved in the project as '%1'.").arg(name));
    mSavedNames = projectTemplates();
    updateNameHint();
    emit templatesChanged(name);
    return true;
}

void TemplateEditor::askDelete()
{
    const QString name = mWidgets->name->text().trimmed();
    if (QMessageBox::question(this, tr("Delete Report Template"),
                              tr("Delete the template '%1' from the project?").arg(name)) == QMessageBox::Yes)
        deleteFromProject();
}

bool TemplateEditor::deleteFromProject()
{
    const QString name = mWidgets->name->text().trimmed();
    if (!projectTemplates().contains(name))
    {
        fail(tr("'%1' is not saved in the project: only the project's own templates can be deleted.").arg(name));
        return false;
    }
    auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = false});
    if (!project)
    {
        fail(ErrorText::describe(project.error()));
        return false;
    }
    if (auto removed = project->deleteReportTemplate(name.toStdString()); !removed)
    {
        fail(ErrorText::describe(removed.error()));
        return false;
    }
    mWidgets->status->setText(tr("'%1' was deleted from the project.").arg(name));
    mSavedNames = projectTemplates();
    // A ready template's name comes back as the ready one.
    if (auto ready = readyTemplate(name))
        setTemplate(*ready);
    updateNameHint();
    emit templatesChanged(readyTemplateNames().contains(name) ? name : readyTemplateNames().front());
    return true;
}

bool TemplateEditor::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
    {
        fail(tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > MaximumFileBytes)
    {
        fail(tr("%1 is not a report template: it is far too large for one").arg(path));
        return false;
    }
    auto layout = data::ReportTemplate::fromJson(file.readAll().toStdString(), path.toStdString());
    if (!layout)
    {
        fail(tr("%1 is not a report template: %2").arg(path, QString::fromStdString(layout.error().detail)));
        return false;
    }
    setTemplate(layout.value());
    mLastError.clear();
    mWidgets->status->setText(tr("Imported %1; Save to Project keeps it.").arg(path));
    return true;
}

bool TemplateEditor::exportTo(const QString& path)
{
    QString error;
    const std::optional<data::ReportTemplate> layout = currentTemplate(error);
    if (!layout || layout->name.empty())
    {
        fail(layout ? tr("Give the template a name before exporting it.")
                    : tr("The template cannot be exported. %1").arg(error));
        return false;
    }
    QSaveFile file(path);
    const std::string json = layout->toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), static_cast<qint64>(json.size())) < 0 ||
        !file.commit())
    {
        fail(tr("%1 cannot be written: %2").arg(path, file.errorString()));
        return false;
    }
    mLastError.clear();
    mWidgets->status->setText(tr("Exported to %1.").arg(path));
    return true;
}

void TemplateEditor::fail(const QString& message)
{
    mLastError = message;
    mWidgets->status->setText(message);
    openMessage(this, QMessageBox::Warning, tr("Edit Report Template"), message, "templateError");
}

} // namespace citytwin::app
