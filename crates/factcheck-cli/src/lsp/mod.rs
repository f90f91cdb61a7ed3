//! `factcheck lsp`: the Language Server Protocol over standard input and
//! output, for live diagnostics in an editor. Messages are framed and
//! typed with rust-analyzer's `lsp-server` and `lsp-types`; the loop is
//! ours, so that a malformed message gets an error reply and the server
//! goes on, and so that typing is debounced (a document is checked once
//! the edits pause).
//!
//! An open Markdown or text document is checked against the references
//! under the workspace's reference folders that name it (or the one given
//! as `initializationOptions.reference`). Findings of warning and error
//! level become diagnostics; each fix and an "ignore" comment are code
//! actions; a hover says what the reference holds. A reference saved or
//! changed checks every open document again; a broken one is a diagnostic
//! on the reference itself.

mod convert;
mod transport;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use factcheck::{Article, Checker, Error, Reference, Result};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionParams, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams,
    InitializeParams, Position, PublishDiagnosticsParams, Range, Uri,
};

use convert::{Held, Lines};

/// How long typing must pause before a changed document is checked.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// An open document: its text as the editor holds it.
struct Doc {
    text: String,
    dirty: bool,
}

struct Server {
    out: transport::Out,
    /// `initializationOptions.reference`: the one reference to use.
    reference: Option<PathBuf>,
    folders: Vec<PathBuf>,
    docs: HashMap<String, Doc>,
    /// The findings last published, per document, for actions and hovers.
    held: HashMap<String, Vec<Held>>,
    /// References that failed to load, with the diagnostics shown on them.
    broken: Vec<String>,
    shutdown: bool,
}

/// A `file://` URI as a path (percent escapes decoded); none for others.
fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

/// The `file://` URI of a path.
fn uri_of(path: &Path) -> Option<Uri> {
    let abs = std::path::absolute(path).ok()?;
    let mut s = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.parse().ok()
}

/// The reference a document's front matter names (`reference: path`,
/// relative to the document), if it has one.
fn named_reference(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let end = rest.find("\n---")?;
    rest[..end].lines().find_map(|l| {
        let v = l
            .strip_prefix("reference:")?
            .trim()
            .trim_matches(['"', '\'']);
        (!v.is_empty()).then(|| v.to_string())
    })
}

fn is_reference(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// The line (0-based) where `id: ID` is written in a reference's text,
/// block style (`- id: toll`) or flow style (`- {id: toll, …}`).
fn entry_line(text: &str, id: &str) -> Option<u32> {
    let written = |line: &str| {
        let rest = line
            .trim_start()
            .trim_start_matches("- ")
            .trim_start_matches('{')
            .trim_start();
        let value = rest.strip_prefix("id:")?.trim_start();
        let value = value.split([',', '}', '#']).next()?.trim();
        Some(value.trim_matches(['"', '\'']) == id)
    };
    text.lines()
        .position(|l| written(l) == Some(true))
        .and_then(|n| u32::try_from(n).ok())
}

impl Server {
    fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        self.out.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    fn reply(&mut self, id: RequestId, result: impl serde::Serialize) {
        self.out
            .send(Message::Response(Response::new_ok(id, result)));
    }

    fn publish(&mut self, uri: Uri, diagnostics: Vec<Diagnostic>) {
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams::new(uri, diagnostics, None),
        );
    }

    /// The references that apply to `path`, and those that failed to load.
    fn references_for(&self, path: &Path, text: &str) -> (Vec<Reference>, Vec<(PathBuf, Error)>) {
        let mut bad = Vec::new();
        // (a reference open in the editor is read as it stands there,
        // saved or not)
        let load = |p: &Path, bad: &mut Vec<(PathBuf, Error)>| {
            let read = match self.open_text(p) {
                Some(text) => Reference::from_str(p, text),
                None => Reference::load(p),
            };
            match read {
                Ok(r) => Some(r),
                Err(e) => {
                    bad.push((p.to_path_buf(), e));
                    None
                }
            }
        };
        if let Some(r) = &self.reference {
            let refs = load(r, &mut bad).into_iter().collect();
            return (refs, bad);
        }
        // the document's own front matter may name its reference
        if let Some(r) = named_reference(text) {
            let r = path.parent().unwrap_or(Path::new(".")).join(r);
            let inside = crate::discover::repo_root(None)
                .is_ok_and(|root| r.canonicalize().is_ok_and(|c| c.starts_with(root)));
            if inside {
                let refs = load(&r, &mut bad).into_iter().collect();
                return (refs, bad);
            }
        }
        let Ok(root) = crate::discover::repo_root(None) else {
            return (Vec::new(), bad);
        };
        let target = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let files =
            crate::discover::repository_references(&root, &self.folders).unwrap_or_default();
        let refs = files
            .iter()
            .filter_map(|f| load(f, &mut bad))
            .filter(|r| crate::discover::covered(r, &root).contains(&target))
            .collect();
        (refs, bad)
    }

    /// The text of `path` as the editor holds it, if it is open.
    fn open_text(&self, path: &Path) -> Option<&str> {
        let want = path.canonicalize().ok()?;
        self.docs.iter().find_map(|(key, doc)| {
            let p = path_of(key)?.canonicalize().ok()?;
            (p == want).then_some(doc.text.as_str())
        })
    }

    /// Check one open document and publish its diagnostics.
    fn check(&mut self, key: &str) {
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        doc.dirty = false;
        let text = doc.text.clone();
        let (Some(path), Ok(uri)) = (path_of(key), key.parse::<Uri>()) else {
            return;
        };
        if is_reference(&path) {
            return;
        }
        let (refs, bad) = self.references_for(&path, &text);
        self.show_broken(bad);
        let mut held = Vec::new();
        if let Ok(article) = Article::from_text(&path.display().to_string(), text.clone(), None) {
            for r in &refs {
                let Some(ref_uri) = uri_of(&r.path) else {
                    continue;
                };
                // (the entry's line in the text the reference was read from)
                let yaml = match self.open_text(&r.path) {
                    Some(t) => t.to_string(),
                    None => std::fs::read_to_string(&r.path).unwrap_or_default(),
                };
                let report = Checker::new(r).check(&article);
                held.extend(report.findings.into_iter().map(|f| Held {
                    entry_line: f.fact.as_deref().and_then(|id| entry_line(&yaml, id)),
                    finding: f,
                    reference: ref_uri.clone(),
                }));
            }
        }
        let lines = Lines::new(&text);
        let diagnostics = held
            .iter()
            .filter(|h| h.finding.severity >= factcheck::model::Severity::Warning)
            .filter_map(|h| convert::diagnostic(&lines, h))
            .collect();
        self.held.insert(key.to_string(), held);
        self.publish(uri, diagnostics);
    }

    /// A diagnostic on each reference that failed to load; cleared on
    /// those that load again.
    fn show_broken(&mut self, bad: Vec<(PathBuf, Error)>) {
        let now: Vec<String> = bad
            .iter()
            .filter_map(|(p, _)| uri_of(p).map(|u| u.as_str().to_string()))
            .collect();
        for old in std::mem::take(&mut self.broken) {
            if !now.contains(&old) {
                if let Ok(u) = old.parse() {
                    self.publish(u, Vec::new());
                }
            }
        }
        for (p, e) in bad {
            let Some(u) = uri_of(&p) else { continue };
            let at = match &e {
                Error::At { line, column, .. } => Position::new(
                    (*line as u32).saturating_sub(1),
                    (*column as u32).saturating_sub(1),
                ),
                _ => Position::new(0, 0),
            };
            let d = Diagnostic {
                range: Range::new(at, at),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("factcheck".into()),
                message: e.to_string(),
                ..Diagnostic::default()
            };
            self.broken.push(u.as_str().to_string());
            self.publish(u, vec![d]);
        }
    }

    /// A reference changed: every open document again.
    fn recheck_all(&mut self) {
        let keys: Vec<String> = self.docs.keys().cloned().collect();
        for k in keys {
            self.check(&k);
        }
    }

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str().to_string();
                    let reference = path_of(&key).is_some_and(|p| is_reference(&p));
                    self.docs.insert(
                        key.clone(),
                        Doc {
                            text: p.text_document.text,
                            dirty: false,
                        },
                    );
                    if reference {
                        self.recheck_all();
                    } else {
                        self.check(&key);
                    }
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str().to_string();
                    // (full sync: the last change holds the whole text)
                    if let (Some(doc), Some(c)) = (
                        self.docs.get_mut(&key),
                        p.content_changes.into_iter().last(),
                    ) {
                        doc.text = c.text;
                        doc.dirty = true;
                    }
                    // a reference edited: every document, once typing pauses
                    if path_of(&key).is_some_and(|p| is_reference(&p)) {
                        for doc in self.docs.values_mut() {
                            doc.dirty = true;
                        }
                    }
                }
            }
            "textDocument/didSave" | "workspace/didChangeWatchedFiles" => {
                let saved = serde_json::from_value::<DidSaveTextDocumentParams>(n.params)
                    .ok()
                    .and_then(|p| path_of(p.text_document.uri.as_str()));
                if saved.is_none_or(|p| is_reference(&p)) {
                    self.recheck_all();
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str().to_string();
                    self.docs.remove(&key);
                    self.held.remove(&key);
                    self.publish(p.text_document.uri, Vec::new());
                }
            }
            _ => {}
        }
    }

    fn on_request(&mut self, r: Request) {
        let id = r.id.clone();
        match r.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                self.reply(id, ());
            }
            "textDocument/codeAction" => match serde_json::from_value::<CodeActionParams>(r.params)
            {
                Ok(p) => {
                    let key = p.text_document.uri.as_str().to_string();
                    let actions = match (self.docs.get(&key), self.held.get(&key)) {
                        (Some(doc), Some(held)) => convert::actions(
                            &p.text_document.uri,
                            &Lines::new(&doc.text),
                            held,
                            p.range,
                        ),
                        _ => Vec::new(),
                    };
                    self.reply(id, actions);
                }
                Err(e) => self.error(id, ErrorCode::InvalidParams, e.to_string()),
            },
            "textDocument/hover" => match serde_json::from_value::<HoverParams>(r.params) {
                Ok(p) => {
                    let key = p
                        .text_document_position_params
                        .text_document
                        .uri
                        .as_str()
                        .to_string();
                    let hover = match (self.docs.get(&key), self.held.get(&key)) {
                        (Some(doc), Some(held)) => convert::hover(
                            &Lines::new(&doc.text),
                            held,
                            p.text_document_position_params.position,
                        ),
                        _ => None,
                    };
                    self.reply(id, hover);
                }
                Err(e) => self.error(id, ErrorCode::InvalidParams, e.to_string()),
            },
            _ => self.error(
                id,
                ErrorCode::MethodNotFound,
                format!("no method {}", r.method),
            ),
        }
    }

    fn error(&mut self, id: RequestId, code: ErrorCode, message: String) {
        self.out.send(Message::Response(Response::new_err(
            id,
            code as i32,
            message,
        )));
    }
}

/// The server's capabilities: full-text sync with saves, code actions, hovers.
fn capabilities() -> serde_json::Value {
    serde_json::json!({
        "capabilities": {
            "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": false}},
            "codeActionProvider": {"codeActionKinds": ["quickfix"]},
            "hoverProvider": true,
        },
        "serverInfo": {"name": "factcheck", "version": env!("CARGO_PKG_VERSION")},
    })
}

/// Serve on standard input and output until `exit`; the exit status is 0
/// after a `shutdown`, 1 otherwise (as the protocol asks).
pub fn serve(folders: Vec<PathBuf>) -> Result<crate::exit::Outcome> {
    let (incoming, out) = transport::stdio();
    let mut server = Server {
        out,
        reference: None,
        folders,
        docs: HashMap::new(),
        held: HashMap::new(),
        broken: Vec::new(),
        shutdown: false,
    };
    loop {
        let msg = match incoming.recv_timeout(DEBOUNCE) {
            Ok(m) => m,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                let dirty: Vec<String> = server
                    .docs
                    .iter()
                    .filter(|(_, d)| d.dirty)
                    .map(|(k, _)| k.clone())
                    .collect();
                for k in dirty {
                    server.check(&k);
                }
                continue;
            }
            // (the editor closed the stream without `exit`)
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        };
        match msg {
            transport::In::Malformed(why) => server.out.parse_error(&why),
            transport::In::Message(Message::Request(r)) if r.method == "initialize" => {
                if let Ok(p) = serde_json::from_value::<InitializeParams>(r.params.clone()) {
                    // (`{"reference": …}`, or `{"factcheck": {"reference": …}}`
                    // as editors nest a server's settings)
                    let options = p.initialization_options.as_ref();
                    server.reference = options
                        .and_then(|o| {
                            o.get("reference")
                                .or_else(|| o.get("factcheck")?.get("reference"))
                        })
                        .and_then(|v| v.as_str())
                        .map(PathBuf::from);
                    #[allow(deprecated)]
                    let root = p
                        .workspace_folders
                        .as_ref()
                        .and_then(|f| f.first())
                        .map(|f| f.uri.as_str().to_string())
                        .or_else(|| p.root_uri.as_ref().map(|u| u.as_str().to_string()))
                        .and_then(|u| path_of(&u));
                    // (the workspace's references are found from its root,
                    // in the folders its factcheck.toml names)
                    if let Some(root) = root {
                        if std::env::set_current_dir(&root).is_ok() {
                            if let Ok(settings) = crate::config::Settings::load(&root) {
                                server.folders = settings.references;
                            }
                        }
                    }
                }
                server.reply(r.id, capabilities());
            }
            transport::In::Message(Message::Request(r)) => server.on_request(r),
            transport::In::Message(Message::Notification(n)) if n.method == "exit" => {
                return Ok(if server.shutdown {
                    crate::exit::Outcome::Clean
                } else {
                    crate::exit::Outcome::Findings
                });
            }
            transport::In::Message(Message::Notification(n)) => server.on_notification(n),
            transport::In::Message(Message::Response(_)) => {}
        }
    }
    Ok(crate::exit::Outcome::Findings)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_entrys_line_in_either_style() {
        let yaml = "facts:\n  - {id: toll, metric: killed}\n  - id: \"hurt\"  # the injured\n    value: 40\n";
        assert_eq!(super::entry_line(yaml, "toll"), Some(1));
        assert_eq!(super::entry_line(yaml, "hurt"), Some(2));
        assert_eq!(super::entry_line(yaml, "tol"), None);
    }
}
