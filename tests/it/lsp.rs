//! `factcheck lsp` driven as an editor drives it (issue 18): JSON-RPC over
//! the real binary's standard input and output — initialize, didOpen,
//! didChange, codeAction, hover, a malformed message, shutdown, exit — on
//! an article with an emoji and accents before the figure, so that ranges
//! must be counted in UTF-16 code units.

use crate::support::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    input: ChildStdin,
    incoming: Receiver<Value>,
    next_id: u64,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let input = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || loop {
            let mut size = 0;
            loop {
                let mut line = String::new();
                if out.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    size = v.parse().unwrap();
                }
            }
            let mut body = vec![0; size];
            out.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Client {
            child,
            input,
            incoming,
            next_id: 1,
        }
    }

    fn raw(&mut self, body: &str) {
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let m = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.raw(&m.to_string());
    }

    /// Send a request and wait for its response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let m = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.raw(&m.to_string());
        self.wait(|m| m["id"] == id)
    }

    /// The next message `pick` accepts (others are passed over).
    fn wait(&mut self, pick: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(20))
                .expect("the server answers within 20 s");
            if pick(&m) {
                return m;
            }
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

const ARTICLE: &str = "Café 😀 — the health ministry said 15 people were killed.\n\n\
                       Ünïcode aside, the injured count was 40.\n";

/// A workspace whose reference names `a.md` (under claims/, as in CI).
fn workspace() -> tempfile::TempDir {
    let dir = ministry_repo();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    let yaml = std::fs::read_to_string(dir.path().join("r.yaml")).unwrap();
    std::fs::write(
        dir.path().join("claims/r.yaml"),
        yaml.replace("version: 1\n", "version: 1\narticles: [../a.md]\n")
            .replace(", required: true", ""),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), ARTICLE).unwrap();
    dir
}

fn uri(dir: &std::path::Path, name: &str) -> String {
    format!(
        "file://{}",
        dir.canonicalize().unwrap().join(name).display()
    )
}

#[test]
fn diagnostics_actions_and_hover_over_stdio() {
    let dir = workspace();
    let mut c = Client::start(dir.path());
    let root = uri(dir.path(), "");
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": root.trim_end_matches('/'), "capabilities": {}}),
    );
    assert_eq!(init["result"]["capabilities"]["hoverProvider"], true);
    c.notify("initialized", json!({}));
    let a = uri(dir.path(), "a.md");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    let d = c.diagnostics(&a);
    assert_eq!(d.len(), 1, "{d:?}");
    // "Café 😀 — the health ministry said " is 35 UTF-16 units (the emoji
    // two), 39 bytes
    assert_eq!(
        d[0]["range"],
        json!({"start": {"line": 0, "character": 35}, "end": {"line": 0, "character": 56}})
    );
    assert_eq!(
        (d[0]["severity"].as_u64(), d[0]["code"].as_str()),
        (Some(1), Some("mismatch"))
    );
    assert!(d[0]["message"]
        .as_str()
        .unwrap()
        .contains("12, Health Ministry"));
    let related = &d[0]["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], uri(dir.path(), "claims/r.yaml"));
    // (the fact `toll` is the reference file's sixth line)
    assert_eq!(related["range"]["start"]["line"], 5);

    // code actions: the fix, and a comment that sets the finding aside
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a}, "range": d[0]["range"], "context": {"diagnostics": d}}),
    );
    let list = actions["result"].as_array().unwrap();
    let titles: Vec<&str> = list.iter().map(|x| x["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Write “12”", "Ignore this finding"]);
    assert_eq!(
        list[0]["edit"]["changes"][&a],
        json!([{"range": {"start": {"line": 0, "character": 35}, "end": {"line": 0, "character": 37}}, "newText": "12"}])
    );
    assert_eq!(
        list[1]["edit"]["changes"][&a][0]["newText"],
        "<!-- factcheck: ignore toll -->\n"
    );

    // a hover over the figure says what the reference has
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 40}}),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**mismatch** (`toll`)"), "{value}");

    // a malformed message gets an error and the server goes on
    c.raw("{not json");
    let err = c.wait(|m| m.get("error").is_some());
    assert_eq!(
        (err["id"].clone(), err["error"]["code"].clone()),
        (Value::Null, json!(-32700))
    );

    // the editor fixes the figure: the diagnostic goes (after the pause)
    let fixed = ARTICLE.replace("said 15", "said 12");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert_eq!(c.diagnostics(&a), Vec::<Value>::new());

    // a broken reference is a diagnostic on the reference, not a crash
    std::fs::write(dir.path().join("claims/r.yaml"), "version: 1\nfacts: [\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(dir.path(), "claims/r.yaml")}}),
    );
    let broken = c.diagnostics(&uri(dir.path(), "claims/r.yaml"));
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0]["severity"], 1);

    let shut = c.request("shutdown", Value::Null);
    assert_eq!(shut["result"], Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn initialization_options_name_the_reference() {
    let dir = workspace();
    // (the reference names no article: only the option ties it to a.md)
    std::fs::write(
        dir.path().join("elsewhere.yaml"),
        std::fs::read_to_string(dir.path().join("claims/r.yaml"))
            .unwrap()
            .replace("articles: [../a.md]\n", ""),
    )
    .unwrap();
    std::fs::remove_dir_all(dir.path().join("claims")).unwrap();
    let mut c = Client::start(dir.path());
    c.request(
        "initialize",
        json!({"processId": null, "capabilities": {},
               "initializationOptions": {"factcheck": {"reference": dir.path().join("elsewhere.yaml")}}}),
    );
    let a = uri(dir.path(), "a.md");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    assert_eq!(c.diagnostics(&a).len(), 1);
    // an exit without shutdown exits 1, as the protocol asks
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().unwrap().code(), Some(1));
}

#[test]
fn a_documents_front_matter_names_its_reference() {
    let dir = workspace();
    std::fs::rename(
        dir.path().join("claims/r.yaml"),
        dir.path().join("toll.yaml"),
    )
    .unwrap();
    let mut c = Client::start(dir.path());
    c.request(
        "initialize",
        json!({"processId": null, "capabilities": {}, "rootUri": uri(dir.path(), "")}),
    );
    let a = uri(dir.path(), "a.md");
    let with = format!("---\ntitle: Blast\nreference: toll.yaml\n---\n{ARTICLE}");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "markdown", "version": 1, "text": with}}),
    );
    let d = c.diagnostics(&a);
    assert_eq!(d.len(), 1, "{d:?}");
    // (four lines of front matter above the figure)
    assert_eq!(d[0]["range"]["start"], json!({"line": 4, "character": 35}));
    // one that leads out of the workspace is not read
    let outside = with.replace("reference: toll.yaml", "reference: ../../../etc/passwd");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"text": outside}]}),
    );
    assert_eq!(c.diagnostics(&a), Vec::<Value>::new());
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().unwrap().code(), Some(0));
}

#[test]
fn an_unsaved_edit_of_an_open_reference_checks_the_documents_again() {
    let dir = workspace();
    let mut c = Client::start(dir.path());
    c.request(
        "initialize",
        json!({"processId": null, "capabilities": {}, "rootUri": uri(dir.path(), "")}),
    );
    let a = uri(dir.path(), "a.md");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "markdown", "version": 1, "text": ARTICLE}}),
    );
    assert_eq!(c.diagnostics(&a).len(), 1);
    // the curator opens the reference and, without saving, puts the toll
    // at 15: the article agrees now
    let r = uri(dir.path(), "claims/r.yaml");
    let yaml = std::fs::read_to_string(dir.path().join("claims/r.yaml")).unwrap();
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": r, "languageId": "yaml", "version": 1, "text": yaml}}),
    );
    assert_eq!(c.diagnostics(&a).len(), 1);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": r, "version": 2},
               "contentChanges": [{"text": yaml.replace("value: 12", "value: 15")}]}),
    );
    assert_eq!(c.diagnostics(&a), Vec::<Value>::new());
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().unwrap().code(), Some(0));
}
