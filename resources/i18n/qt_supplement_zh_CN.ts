<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that the qtbase_zh_CN shipped with PySide6 lacks (newer source texts with a
     mnemonic); loaded after it by desktop.app.install_translators. Build: pyside6-lrelease this file. -->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查看(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>QPrintSettingsOutput</name>
    <message>
      <source>Page &amp;Set:</source>
      <translation>打印页面(&amp;S)：</translation>
    </message>
  </context>
  <context>
    <name>QPageSetupWidget</name>
    <message>
      <source>Page &amp;order:</source>
      <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
      <source>Pages &amp;per sheet:</source>
      <translation>每张纸页数(&amp;P)：</translation>
    </message>
  </context>
</TS>
