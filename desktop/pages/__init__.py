"""The pages of the main window.

Each page module registers itself with `desktop.registry.register_page` when imported. The pages
listed in `LAZY` are registered from here without importing them: their module (and everything it
pulls in — editors, printing, services) loads the first time the page is shown, so start-up pays
only for the page it opens on. A page module not listed here is imported at discovery as before.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# key, title (translation context "Pages"), "module:attribute" of the page factory, sidebar order
LAZY = (
    ("todo", QT_TRANSLATE_NOOP("Pages", "待办"), "desktop.pages.todo_page:TodoPage", 5),
    ("records", QT_TRANSLATE_NOOP("Pages", "公开记录"), "desktop.pages.records_page:RecordsPage", 7),
    ("surveys", QT_TRANSLATE_NOOP("Pages", "问卷"), "desktop.pages.surveys_page:SurveysPage", 8),
    ("catalog", QT_TRANSLATE_NOOP("Pages", "公开事项目录"), "desktop.pages.catalog_page:CatalogPage", 10),
    ("about", QT_TRANSLATE_NOOP("Pages", "关于与设置"), "desktop.pages.about_page:AboutPage", 90),
)
