"""Sending a rendered PDF to a printer: each page drawn as an image at print resolution.

The notices are laid out by ReportLab (``models.printing``); Qt only has to put those pages on paper.
`QPdfDocument` renders a page to an image, which is painted onto the `QPrinter` filling the sheet
(the PDF carries its own margins). This runs on a worker thread: Qt allows a `QPainter` on a
`QPrinter` and on a `QImage` outside the GUI thread, and the function builds its own `QPdfDocument`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt, QThread
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from models.errors import CunwuError

#: Images are rendered at most at this resolution: sharp for 10.5 pt text on a village office laser
#: printer, and an A3 page stays near 17 million pixels (grey, one byte each) for the spooler.
PRINT_DPI = 300


def load_pdf(data: bytes, document: QPdfDocument | None = None) -> tuple[QPdfDocument, QBuffer]:
    """Load PDF bytes into ``document`` (a new one by default) through a `QBuffer` it owns.

    The buffer must live as long as the document reads from it; it is parented to the document.
    """
    document = document if document is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def load_pdf_for(data: bytes, thread: QThread) -> tuple[QPdfDocument, QBuffer]:
    """`load_pdf` on a worker thread, the document handed to ``thread`` (the GUI's) once loaded:
    pdfium reads the whole file while loading (≈0.1 s for a 10,000-row roster), which would
    otherwise stall the window."""
    document, buffer = load_pdf(data)
    document.moveToThread(thread)  # the buffer, its child, goes with it
    return document, buffer


def page_image(document: QPdfDocument, index: int, dpi: float) -> QImage:
    """Page ``index`` as a grey image on white paper at ``dpi`` (QtPdf leaves the page transparent)."""
    points = document.pagePointSize(index)
    size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
    rendered = document.render(index, size)
    sheet = QImage(size, QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return sheet.convertToFormat(QImage.Format.Format_Grayscale8)  # notices are black on white


def _fitted(image: QImage, paper: QRectF) -> QRectF:
    """The largest rectangle of the image's shape centred on the paper (1:1 when sizes match)."""
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(paper.x() + (paper.width() - width) / 2, paper.y() + (paper.height() - height) / 2, width, height)


def print_pdf(data: bytes, printer: QPrinter, pages: Sequence[int],
              progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Paint ``pages`` (0-based) of the PDF onto ``printer``; returns how many sheets were painted.

    Copies are repeated here (collated) when the printer cannot make them itself. A cancel between
    pages aborts the print job, so a half-printed notice is not left in the spooler.
    """
    document, _buffer = load_pdf(data)
    if document.status() != QPdfDocument.Status.Ready:
        raise CunwuError(QCoreApplication.translate("Printing", "无法读取要打印的 PDF"))
    pages = [p for p in pages if 0 <= p < document.pageCount()]
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    sheets = [p for _ in range(copies) for p in pages]
    dpi = min(printer.resolution(), PRINT_DPI)
    # The PDF carries its margins: draw on the whole sheet. Set here, after the print dialog, because
    # choosing another output (print to file) gives the printer a new engine that forgets it.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName() or printer.outputFileName()
        raise CunwuError(QCoreApplication.translate("Printing", "无法开始打印：打印机“%1”不可用，请检查打印机是否开机、联机")
                         .replace("%1", name))
    painted = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for n, index in enumerate(sheets):
            if cancelled is not None and cancelled():
                printer.abort()
                break
            if n:
                printer.newPage()
            image = page_image(document, index, dpi)
            painter.drawImage(_fitted(image, printer.pageRect(QPrinter.Unit.DevicePixel)), image)
            painted += 1
            if progress is not None:
                progress(painted, len(sheets), "")
    finally:
        painter.end()
    return painted
