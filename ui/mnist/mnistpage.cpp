#include "ui/mnist/mnistpage.h"

#include "core/data/mnist.h"
#include "ui/common/codepanel.h"
#include "ui/common/fonts.h"
#include "ui/common/numbers.h"
#include "ui/common/palette.h"
#include "ui/common/pngfile.h"
#include "ui/common/tensorimage.h"
#include "ui/mnist/attributelisting.h"
#include "ui/mnist/batchpanel.h"
#include "ui/mnist/digitdelegate.h"
#include "ui/mnist/digitgridmodel.h"
#include "ui/mnist/digitview.h"
#include "ui/mnist/flattenstrip.h"
#include "ui/mnist/mnistcode.h"
#include "ui/mnist/sliceeditor.h"
#include "ui/mnist/slicestate.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int kCropCoalesceMs = 40; // merge a burst of drag events into one re-evaluation

QIcon swatch(const QColor &c)
{
    QPixmap p(12, 12);
    p.fill(c);
    return QIcon(p);
}
} // namespace

MnistPage::MnistPage(AppContext *context, QWidget *parent)
    : Page(context, parent), m_state(new SliceState(this)),
      m_model(new DigitGridModel(m_state, this)), m_delegate(new DigitDelegate(this)),
      m_cropTimer(new QTimer(this))
{
    m_cropTimer->setSingleShot(true);
    m_cropTimer->setInterval(kCropCoalesceMs);
    connect(m_cropTimer, &QTimer::timeout, this, [this] { m_state->setText(m_pendingCrop); });

    setBody(buildMain(), buildSide());
    codePanel()->setTitle(tr("The same in Python (NumPy, matplotlib)"));

    connect(m_state, &SliceState::changed, this, &MnistPage::onStateChanged);
    connect(context->data(), &DataStore::dataChanged, this, &MnistPage::onDataChanged);
    connect(context, &AppContext::presentationModeChanged, this, &MnistPage::applyScale);
    m_state->setData(context->data()->data());
    m_state->setText(QStringLiteral("train_images[:, 7:-7, 7:-7]"));
    onDataChanged();
    applyScale();
    fitSide();
}

QWidget *MnistPage::buildMain()
{
    m_editor = new SliceEditor(m_state);

    m_grid = new QListView;
    m_grid->setObjectName(QStringLiteral("digitGrid"));
    m_grid->setModel(m_model);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setViewMode(QListView::ListMode);
    m_grid->setFlow(QListView::LeftToRight);
    m_grid->setWrapping(true);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setLayoutMode(QListView::Batched);
    m_grid->setBatchSize(2000);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_grid->setMouseTracking(true);
    connect(m_grid, &QListView::clicked, this, &MnistPage::onGridClicked);
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onGridClicked(current); });

    m_values = new QPlainTextEdit;
    m_values->setObjectName(QStringLiteral("valuesView"));
    m_values->setReadOnly(true);
    m_values->setFont(monospaceFont());
    m_resultStack = new QStackedWidget;
    m_resultStack->addWidget(m_grid);
    m_resultStack->addWidget(m_values);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("gridSummary"));
    m_summary->setWordWrap(true); // the grid may be narrow on a projector
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_resultStack, 1);

    m_digit = new DigitView;
    m_digit->setObjectName(QStringLiteral("digitView"));
    connect(m_digit, &DigitView::cropEdited, this, &MnistPage::onCropEdited);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(m_digit);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 4);
    split->setChildrenCollapsible(false);

    m_strip = new FlattenStrip;
    m_strip->setObjectName(QStringLiteral("flattenStrip"));

    auto *main = new QWidget;
    auto *layout = new QVBoxLayout(main);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->addWidget(m_editor);
    layout->addWidget(split, 1);
    layout->addWidget(m_strip);
    return main;
}

QWidget *MnistPage::buildSide()
{
    m_set = new QComboBox;
    m_set->setObjectName(QStringLiteral("setSelector"));
    connect(m_set, &QComboBox::activated, this, &MnistPage::onSetChosen);
    m_set->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "train, 800" becomes "train, 60,000"
    m_labelFilter = new QComboBox;
    m_labelFilter->setObjectName(QStringLiteral("labelFilter"));
    m_labelFilter->addItem(tr("All labels"), -1);
    for (int d = 0; d < 10; ++d)
        m_labelFilter->addItem(swatch(palette::digit(d)), tr("Only %1s").arg(d), d);
    connect(m_labelFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setLabelFilter(m_labelFilter->currentData().toInt());
        onStateChanged();
    });
    m_thumbSize = new QSlider(Qt::Horizontal);
    m_thumbSize->setRange(28, 112);
    m_thumbSize->setValue(56);
    m_thumbSize->setToolTip(tr("Thumbnail size"));
    connect(m_thumbSize, &QSlider::valueChanged, this, &MnistPage::applyScale);

    auto *browse = new QGroupBox(tr("Browse"));
    auto *browseForm = new QFormLayout(browse);
    browseForm->addRow(tr("Set"), m_set);
    browseForm->addRow(tr("Labels"), m_labelFilter);
    browseForm->addRow(tr("Size"), m_thumbSize);

    m_batches = new BatchPanel;
    connect(m_batches, &BatchPanel::batchRequested, this, &MnistPage::onBatchRequested);
    auto *batchBox = new QGroupBox(tr("Batches"));
    (new QVBoxLayout(batchBox))->addWidget(m_batches);

    m_attributes = new QPlainTextEdit;
    m_attributes->setObjectName(QStringLiteral("attributes"));
    m_attributes->setReadOnly(true);
    m_attributes->setFont(monospaceFont());
    m_attributes->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *attrBox = new QGroupBox(tr("Tensor attributes"));
    (new QVBoxLayout(attrBox))->addWidget(m_attributes);

    auto *saveDigit = new QPushButton(tr("Save digit PNG..."));
    auto *saveSlice = new QPushButton(tr("Save slice PNG..."));
    connect(saveDigit, &QPushButton::clicked, this, &MnistPage::saveDigitPng);
    connect(saveSlice, &QPushButton::clicked, this, &MnistPage::saveSlicePng);
    auto *exports = new QHBoxLayout;
    exports->addWidget(saveDigit);
    exports->addWidget(saveSlice);

    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(browse, 1);
    top->addWidget(batchBox, 1);
    layout->addLayout(top);
    layout->addWidget(attrBox, 1);
    layout->addLayout(exports);
    // On a short screen with presentation fonts the controls scroll rather than being squeezed
    // over each other.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("sideScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(side);
    side->installEventFilter(this); // its layout's minimum decides the column's width
    m_sideScroll = scroll;
    return scroll;
}

QString MnistPage::attributesText() const
{
    return m_attributes->toPlainText();
}

QString MnistPage::gridSummary() const
{
    return m_summary->text();
}

void MnistPage::onDataChanged()
{
    const MnistSnapshot snapshot = context()->data()->data();
    const int current = std::max(0, m_set->currentIndex());
    m_set->clear();
    m_set->addItem(tr("train, %1").arg(thousands(snapshot->trainImages.shape()[0])));
    m_set->addItem(tr("test, %1").arg(thousands(snapshot->testImages.shape()[0])));
    m_set->setCurrentIndex(current);
    m_attributes->setPlainText(attributeListing(*snapshot, QStringLiteral("train")) +
                               QLatin1Char('\n') +
                               attributeListing(*snapshot, QStringLiteral("test")));
    m_state->setData(snapshot);
}

void MnistPage::onSetChosen(int index)
{
    const QString set = index == 1 ? QStringLiteral("test") : QStringLiteral("train");
    QString text = m_state->text();
    if (text.startsWith(QStringLiteral("train_")) || text.startsWith(QStringLiteral("test_")))
        text = set + text.mid(text.indexOf(QLatin1Char('_')));
    else
        text = set + QStringLiteral("_images");
    m_state->setText(text);
}

void MnistPage::showBatch(int size, int index)
{
    m_batches->setBatch(size, index);
    onBatchRequested();
}

void MnistPage::onBatchRequested()
{
    const QString set = m_state->setName().isEmpty() ? QStringLiteral("train") : m_state->setName();
    m_state->setText(m_batches->expression(set));
    m_batchMode = true;
    updateCode();
}

void MnistPage::onCropEdited(const CropRect &crop)
{
    const QString text = m_state->withCrop(crop);
    if (text.isEmpty()) return;
    m_pendingCrop = text;
    m_cropTimer->start();
}

void MnistPage::onStateChanged()
{
    const MnistSnapshot snapshot = m_state->data();
    const QString set = m_state->setName();
    if (!set.isEmpty()) {
        const QSignalBlocker block(m_set);
        m_set->setCurrentIndex(set == QLatin1String("test") ? 1 : 0);
        m_batches->setSampleCount(
            (set == QLatin1String("test") ? snapshot->testImages : snapshot->trainImages)
                .shape()[0]);
    }
    const QString batchSet = set.isEmpty() ? QStringLiteral("train") : set;
    m_batchMode = m_state->text() == m_batches->expression(batchSet);
    if (m_state->kind() == SliceState::Kind::Images) {
        m_resultStack->setCurrentWidget(m_grid);
        const int shown = m_model->rowCount(), all = m_model->unfilteredCount();
        QString summary = shown == all
                              ? tr("%1 images").arg(thousands(all))
                              : tr("%1 of %2 images").arg(thousands(shown), thousands(all));
        if (m_labelFilter->currentData().toInt() >= 0 && !m_state->isTraced())
            summary +=
                tr(" (labels are known only for a single slice of train_images or test_images)");
        m_summary->setText(summary + tr(", each %1")
                                         .arg(QString::fromStdString(
                                             core::formatShape(m_state->image(0).shape()))));
    } else {
        m_resultStack->setCurrentWidget(m_values);
        m_values->setPlainText(m_state->reprText());
        m_summary->setText(tr("A %1-dimensional array: its values as NumPy prints them")
                               .arg(m_state->result().array.ndim()));
    }

    // Keep the same digit large when it is still in the result.
    int pick = 0;
    if (m_selectedSource && m_state->isTraced()) {
        for (int row = 0, n = m_model->rowCount(); row < n; ++row) {
            const int i = m_model->resultIndex(row);
            if (m_state->sourceIndex(i) == m_selectedSource) {
                pick = i;
                break;
            }
            if (row > 4096) break; // not worth a long scan: fall back to the first image
        }
    }
    if (m_model->rowCount() > 0 && m_model->rowOfResult(pick) < 0) pick = m_model->resultIndex(0);
    selectResult(pick);
}

void MnistPage::onGridClicked(const QModelIndex &index)
{
    if (!index.isValid()) return;
    const int i = m_model->resultIndex(index.row());
    if (i != m_selected) selectResult(i);
}

void MnistPage::selectResult(int i)
{
    m_selected = std::max(0, i);
    m_selectedSource = m_state->sourceIndex(m_selected);
    const int row = m_model->rowOfResult(m_selected);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row);
        const QSignalBlocker block(m_grid->selectionModel());
        m_grid->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_grid->scrollTo(index);
    }
    showSelected();
}

void MnistPage::showSelected()
{
    if (m_state->kind() != SliceState::Kind::Images || m_state->imageCount() == 0) {
        m_digit->setDigit(core::Tensor(), QString());
        m_digit->setCrop(std::nullopt, false);
        m_strip->clear(); // the strip shows the large digit's values: none now, not the last ones
        updateCode();
        return;
    }
    const int i = std::min(m_selected, m_state->imageCount() - 1);
    const auto source = m_state->sourceIndex(i);
    const auto label = m_state->label(i);
    QString title = source ? QStringLiteral("%1_images[%2]").arg(m_state->setName()).arg(*source)
                           : tr("result[%1]").arg(i);
    // Narrow (presentation mode on a small screen), the label goes first: the grid shows it too.
    const QString shortTitle = title;
    if (label) title += tr("   label %1").arg(*label);
    const core::Tensor digit = m_state->sourceDigit(i);
    m_digit->setDigit(digit, title, shortTitle);
    m_digit->setCrop(m_state->crop(),
                     !m_state->withCrop(m_state->crop().value_or(CropRect{})).isEmpty());
    const qint64 count = m_state->setName() == QLatin1String("test")
                             ? m_state->data()->testImages.shape()[0]
                             : m_state->data()->trainImages.shape()[0];
    m_strip->setDigit(
        digit, source
                   ? QStringLiteral("(%1_images.reshape((%2, 784)).astype(\"float32\") / 255)[%3]")
                         .arg(m_state->setName())
                         .arg(count)
                         .arg(*source)
                   : tr("result[%1].reshape(-1).astype(\"float32\") / 255").arg(i));
    updateCode();
}

void MnistPage::updateCode()
{
    MnistCodeInput in;
    in.set = m_state->setName().isEmpty() ? QStringLiteral("train") : m_state->setName();
    // The code shows what the views show: the last good slice, never a failing text beside the
    // shape of the one before it.
    in.expression = m_state->goodText();
    in.shape = m_state->shapeText();
    const auto crop = m_state->crop();
    if (m_state->isTraced()) {
        const QString rewritten = m_state->withCrop(crop.value_or(CropRect{}));
        const int open = rewritten.indexOf(QLatin1Char('[')),
                  comma = rewritten.indexOf(QLatin1Char(','));
        if (open >= 0 && comma > open && m_state->result().array.ndim() == 3)
            in.sampleItem = rewritten.mid(open + 1, comma - open - 1);
    }
    in.labelFilter = m_labelFilter->currentData().toInt();
    if (m_state->kind() == SliceState::Kind::Images && m_state->imageCount() > 0) {
        const int i = std::min(m_selected, m_state->imageCount() - 1);
        in.digit = m_state->sourceIndex(i);
        in.digitLabel = m_state->label(i);
    }
    in.sampleCount = (in.set == QLatin1String("test") ? m_state->data()->testImages
                                                      : m_state->data()->trainImages)
                         .shape()[0];
    in.batchMode = m_batchMode;
    in.batchSize = m_batches->batchSize();
    in.batchIndex = m_batches->batchIndex();
    codePanel()->setCode(mnistCode(in));
}

void MnistPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitSide();
}

bool MnistPage::eventFilter(QObject *watched, QEvent *event)
{
    if (m_sideScroll && watched == m_sideScroll->widget() && event->type() == QEvent::LayoutRequest)
        fitSide();
    return Page::eventFilter(watched, event);
}

void MnistPage::fitSide()
{
    // The book's numbers: never squeezed below five lines on a short screen; the code panel gives
    // way first. The controls scroll only vertically, so their column is never narrower than they.
    m_attributes->setMinimumHeight(5 * fontMetrics().lineSpacing() +
                                   2 * m_attributes->frameWidth() + 8);
    // A combo box keeps its minimum from the old font: its items were clipped ("train, 60,0").
    for (QComboBox *combo : {m_set, m_labelFilter})
        combo->setMinimumWidth(combo->sizeHint().width());
    m_sideScroll->setMinimumWidth(m_sideScroll->widget()->minimumSizeHint().width() +
                                  m_sideScroll->verticalScrollBar()->sizeHint().width());
}

void MnistPage::applyScale()
{
    const double scale = context()->scale();
    m_delegate->setCellSize(static_cast<int>(m_thumbSize->value() * scale));
    m_digit->setLineScale(scale);
    m_grid->doItemsLayout();
    m_grid->viewport()->update();
}

QImage MnistPage::exportImage()
{
    return m_digit->render(640);
}

QImage MnistPage::sliceImage() const
{
    return imageOfTensor(m_state->result().array, m_state->result().array.ndim() == 2 ? 10 : 2);
}

void MnistPage::saveDigitPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save digit"), QStringLiteral("digit.png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (const QString error = writePngAtomically(exportImage(), path); !error.isEmpty())
        QMessageBox::warning(this, tr("Not saved"), tr("Could not write %1: %2").arg(path, error));
}

void MnistPage::saveSlicePng()
{
    if (m_state->kind() != SliceState::Kind::Images) {
        QMessageBox::information(
            this, tr("Nothing to draw"),
            tr("The current result is %1-dimensional; only images (rank 2 or 3) are saved as PNG.")
                .arg(m_state->result().array.ndim()));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save slice"), QStringLiteral("slice.png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (const QString error = writePngAtomically(sliceImage(), path); !error.isEmpty())
        QMessageBox::warning(this, tr("Not saved"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace ui
