//! The protocol's framing on standard input and output: a reader thread
//! that turns each `Content-Length` frame into a message — or, for a frame
//! that is no message, a note that the loop answers with an error — and a
//! writer. A frame larger than [`MAX_MESSAGE_BYTES`] is refused unread, so
//! no header can make the server allocate without bound.

use std::io::{BufRead, Read, Write};
use std::sync::mpsc::{channel, Receiver};

use lsp_server::Message;

/// The largest message read (a whole article in a `didChange` fits).
const MAX_MESSAGE_BYTES: usize = 64 << 20;

/// What the reader hands the loop.
pub enum In {
    Message(Message),
    /// A frame that is not a message (why, in a sentence).
    Malformed(String),
}

/// The writer side: one message at a time, flushed.
pub struct Out(std::io::Stdout);

impl Out {
    pub fn send(&mut self, m: Message) {
        let mut lock = self.0.lock();
        // (a closed output ends the session when the input closes too)
        let _ = m.write(&mut lock).and_then(|()| lock.flush());
    }

    /// A parse error: the reply to a message that could not be read,
    /// whose id is unknown (`null`, as JSON-RPC asks).
    pub fn parse_error(&mut self, why: &str) {
        let body = serde_json::json!({
            "jsonrpc": "2.0",
            "id": null,
            "error": {"code": -32700, "message": format!("malformed message: {why}")},
        })
        .to_string();
        let mut lock = self.0.lock();
        let _ = write!(lock, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| lock.flush());
    }
}

/// The next frame's body, `Ok(None)` at the end of input.
fn frame(input: &mut impl BufRead) -> std::io::Result<Option<Result<String, String>>> {
    let mut size: Option<usize> = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                size = value.trim().parse().ok();
            }
        }
    }
    let Some(size) = size else {
        return Ok(Some(Err("no Content-Length header".into())));
    };
    if size > MAX_MESSAGE_BYTES {
        // skip it, unread
        std::io::copy(&mut input.take(size as u64), &mut std::io::sink())?;
        return Ok(Some(Err(format!(
            "a message of {size} bytes, over the limit of {MAX_MESSAGE_BYTES}"
        ))));
    }
    let mut body = vec![0; size];
    input.read_exact(&mut body)?;
    Ok(Some(
        String::from_utf8(body).map_err(|_| "not UTF-8".to_string()),
    ))
}

/// Standard input as messages (read on a thread of their own), standard
/// output as the writer.
pub fn stdio() -> (Receiver<In>, Out) {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        while let Ok(Some(body)) = frame(&mut input) {
            let msg = body
                .and_then(|text| serde_json::from_str::<Message>(&text).map_err(|e| e.to_string()));
            let sent = match msg {
                Ok(m) => tx.send(In::Message(m)),
                Err(why) => tx.send(In::Malformed(why)),
            };
            if sent.is_err() {
                break;
            }
        }
    });
    (rx, Out(std::io::stdout()))
}
