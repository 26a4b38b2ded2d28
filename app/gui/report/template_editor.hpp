#pragma once

#include "data/project/report_template.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QDialog>
#include <QImage>
#include <QString>
#include <QStringList>

namespace citytwin::app
{

/// Export Report ▸ Edit Template…: a report template's page (size, orientation, margin), title, subtitle and footer
/// (with placeholders), atlas level, cover and contents, and its items as a table (kind, box as fractions of the
/// printable area, options as `key=value; …`) with Add, Remove, Up and Down; a preview painted by the report dialog
/// about 300 ms after the last change. Save to Project keeps it in the project under its name (a ready template's
/// name makes the project's version replace the ready one there); Delete removes a project's template; Import JSON… /
/// Export JSON… move it as a file. Wrong input is named in a line under the table and never reaches the preview.
/// GUI thread.
class TemplateEditor : public QDialog
{
    Q_OBJECT
public:
    /// Paints a page of a template with the report dialog's options (its area, filter).
    using Preview = std::function<QImage(const data::ReportTemplate&)>;

    TemplateEditor(const QString& projectPath, Preview preview, QWidget* parent = nullptr);
    ~TemplateEditor() override;

    /// An atlas level in words: "One page for the district", "A page per community", ….
    static QString atlasLevelName(data::AtlasLevel level);

    /// Shows a template for editing.
    void setTemplate(const data::ReportTemplate& layout);
    /// The template as the fields say; nothing, with a sentence naming the wrong field in error, when one is wrong.
    std::optional<data::ReportTemplate> currentTemplate(QString& error) const;
    /// Saves the template into the project under its name; false, with a message, when it cannot.
    bool saveToProject();
    /// Removes the template of that name from the project (ready templates cannot be removed).
    bool deleteFromProject();
    /// Reads a template from a JSON file; false, with a message naming the file, when it is not one.
    bool importFrom(const QString& path);
    /// Writes the template as a JSON file.
    bool exportTo(const QString& path);
    /// The preview shown now.
    QImage previewImage() const;
    /// The last error shown to the user (empty when none).
    QString lastError() const { return mLastError; }

signals:
    /// The project's templates changed (saved or deleted); select names the one to show.
    void templatesChanged(const QString& select);
    /// The preview was painted again.
    void previewUpdated();

private:
    struct Widgets;
    /// One row of the items table as typed: the kind's code, x, y, width, height and options texts.
    struct Row
    {
        QString kind;
        QStringList cells;
    };

    QWidget* buildPageFields();
    QWidget* buildItems();
    void buildButtons(QWidget* parentWidget);
    std::vector<Row> rows() const;
    void setRows(const std::vector<Row>& rows, int select);
    void setKind(int row, const QString& kind);
    void addItem();
    void removeItem();
    void moveItem(int by);
    void changed();
    void refreshPreview();
    void updateNameHint();
    void askDelete();
    QStringList projectTemplates() const;
    void fail(const QString& message);

    QString mPath;
    Preview mPreview;
    std::unique_ptr<Widgets> mWidgets;
    /// The names of the project's own templates (read again after Save and Delete).
    QStringList mSavedNames;
    QString mLastError;
    bool mFilling = false;
};

} // namespace citytwin::app
