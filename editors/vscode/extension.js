// Starts `sbs lsp` for system.yaml and *.sbs.yaml files (and the records and configuration files
// beside them). All the work is the server's; this file only connects VS Code to it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("sbs");
  const [command, ...args] = settings.get("command", ["sbs", "lsp"]);
  const lang = settings.get("lang", "");
  client = new LanguageClient(
    "sbs",
    "sbs",
    { command, args },
    {
      documentSelector: [
        { scheme: "file", pattern: "**/system.{yaml,yml}" },
        { scheme: "file", pattern: "**/*.sbs.yaml" },
      ],
      initializationOptions: lang ? { lang } : {},
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
