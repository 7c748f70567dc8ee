//! The library and the background loader: the same result as a sequential run, text on demand
//! equal to the eager load.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rawi::corpus::{Library, LoadOptions, load, open_in_background};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// `shared/` beside the repository (or `RAWI_SHARED`), if present.
fn shared() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RAWI_SHARED") {
        return Some(PathBuf::from(dir));
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared"))
        .find(|dir| dir.join("corpus").is_dir())
}

/// A mixed set of inputs: many articles over several chunks, and some bad inputs.
fn mixed_inputs(dir: &Path) -> Vec<PathBuf> {
    let mut corpus = String::new();
    for i in 0..6000 {
        let text = format!(
            "قال المتحدث رقم {i} إن \\\"الوضع\\\" مستقر.\\n\\nوأضاف أن {}",
            "ب".repeat(i % 97)
        );
        match i % 500 {
            7 => corpus.push_str("{broken\n"),
            8 => corpus.push('\n'),
            _ => corpus.push_str(&format!(
                "{{\"id\": \"n{i}\", \"source\": \"s{}\", \"text\": \"{text}\"}}\n",
                i % 3
            )),
        }
    }
    let mut inputs = vec![write(dir, "big.jsonl", corpus)];
    for i in 0..150 {
        write(
            dir,
            &format!("folder/{i:03}.txt"),
            format!("عنوان {i}\n\nنص المقال {i}"),
        );
    }
    write(dir, "folder/empty.txt", "");
    write(dir, "folder/sub/bin.txt", b"\0\0");
    inputs.push(dir.join("folder"));
    inputs.push(dir.join("missing.txt"));
    inputs
}

fn problems(library: &Library) -> Vec<String> {
    library.problems().iter().map(ToString::to_string).collect()
}

fn in_background(paths: &[PathBuf]) -> Library {
    let load = open_in_background(paths.to_vec(), LoadOptions::default());
    let mut library = Library::default();
    loop {
        let poll = load.poll_timeout(&mut library, Duration::from_millis(50));
        if poll.finished {
            break;
        }
    }
    assert!(load.progress().finished);
    assert_eq!(load.progress().articles, library.len());
    library
}

#[test]
fn parallel_and_background_loads_equal_a_sequential_one() {
    let dir = tempfile::tempdir().unwrap();
    let paths = mixed_inputs(dir.path());
    let sequential = Library::open(
        &paths,
        &LoadOptions {
            parallel: false,
            ..LoadOptions::default()
        },
    );
    assert_eq!(sequential.len(), 6000 - 12 - 12 + 150);
    assert_eq!(
        problems(&sequential).len(),
        4,
        "{:?}",
        problems(&sequential)
    );

    let parallel = Library::open(&paths, &LoadOptions::default());
    assert_eq!(parallel.entries(), sequential.entries());
    assert_eq!(problems(&parallel), problems(&sequential));

    let background = in_background(&paths);
    assert_eq!(background.entries(), sequential.entries());
    assert_eq!(problems(&background), problems(&sequential));
}

#[test]
fn text_on_demand_equals_the_eager_load() {
    let dir = tempfile::tempdir().unwrap();
    let paths = mixed_inputs(dir.path());
    let eager = load(&paths, &LoadOptions::default());
    let library = Library::open(&paths, &LoadOptions::default());
    assert_eq!(eager.articles.len(), library.len());
    for (article, entry) in eager.articles.iter().zip(library.entries()) {
        assert_eq!(&entry.to_article().unwrap(), article);
    }
}

#[test]
fn no_paths_opens_the_bundled_samples() {
    let library = in_background(&[]);
    assert_eq!(library.len(), rawi::corpus::bundled().len());
    assert_eq!(library.entries(), Library::bundled().entries());
    let first = library.get(0).unwrap();
    assert_eq!(first.text().unwrap(), rawi::corpus::bundled()[0].text);
}

#[test]
fn bulk_corpus_in_background_equals_sequential() {
    let Some(shared) = shared() else {
        eprintln!("notice: shared/ not found; bulk corpus test skipped");
        return;
    };
    let paths = vec![shared.join("corpus/bulk.jsonl")];
    let background = in_background(&paths);
    assert_eq!(background.len(), 19_074);
    assert!(background.problems().is_empty());
    let sequential = Library::open(
        &paths,
        &LoadOptions {
            parallel: false,
            ..LoadOptions::default()
        },
    );
    assert_eq!(background.entries(), sequential.entries());
    let last = background.get(19_073).unwrap();
    assert!(!last.text().unwrap().trim().is_empty());
}

#[test]
fn search_is_arabic_aware_and_in_library_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "قال الأمين العام إن الأمن مهم");
    let b = write(dir.path(), "b.txt", "لا شيء هنا");
    let c = write(dir.path(), "c.txt", "الامن\n\nنص آخر عن الأمـــن");
    let library = Library::open(&[a, b, c], &LoadOptions::default());
    let hits = library.search("الامن", None);
    let found: Vec<(usize, usize)> = hits.iter().map(|h| (h.article, h.matches.len())).collect();
    assert_eq!(found, [(0, 1), (2, 2)]);
    let text = library.get(0).unwrap().text().unwrap().into_owned();
    assert_eq!(&text[hits[0].matches[0].clone()], "الأمن");
    assert!(library.search("  ", None).is_empty());
}
