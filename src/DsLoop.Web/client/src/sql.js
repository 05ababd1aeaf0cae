// The SQL editor (CodeMirror); see the SQL practice pages.
