//! The `rawi` binary: parses arguments and calls the library.

use std::io::{self, BufReader, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use rawi::corpus::LoadOptions;
use rawi::text::{BidiMode, DirPolicy, LayoutOptions, display_safe};

/// rawi (راوي): a terminal reader for Arabic news.
///
/// With no command, opens the reader on the given articles (or the bundled samples): the article
/// as right-to-left text on one side, the people quoted in it and their quotes on the other.
#[derive(Debug, Parser)]
#[command(name = "rawi", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the visual lines of a text, right-aligned, without escape codes (like
    /// `fribidi --nobreak`). Each input line is one paragraph.
    Render(RenderArgs),
    /// Print the speakers and quotes found in articles.
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
struct ReadArgs {
    /// Articles to open: .txt files, folders, .jsonl corpora, or - for stdin.
    /// With none, the bundled sample articles open.
    paths: Vec<PathBuf>,

    #[command(flatten)]
    text: TextArgs,

    /// Mouse support in the reader (wheel, click). Off by default, as capturing the mouse stops
    /// the terminal's own text selection. Also `mouse = true` in the config.
    #[arg(long)]
    mouse: bool,

    /// Configuration file (TOML). Default: $RAWI_CONFIG, else ~/.config/rawi/config.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    #[command(flatten)]
    encoding: EncodingArg,
}

#[derive(Debug, Args)]
struct EncodingArg {
    /// Decode every input with this encoding instead of detecting it (a byte order mark still
    /// wins): windows-1256 (cp1256), iso-8859-6, utf-8, utf-16le, utf-16be, or any WHATWG label.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
}

/// Options of the text engine shared by every command.
#[derive(Debug, Args)]
struct TextArgs {
    /// Paragraph direction: auto (first strong letter; RTL if none), rtl or ltr.
    #[arg(long, value_enum, default_value_t = Dir::Auto)]
    dir: Dir,
    /// Shape Arabic letters into their joined forms, for terminals that do not shape.
    #[arg(long, value_enum, default_value_t = OnOff::On)]
    shape: OnOff,
    /// Who reorders right-to-left text: app (rawi; the terminal's own bidi is switched off),
    /// terminal (rawi sends logical order), or off (neither reordered nor shaped).
    #[arg(long, value_enum, default_value_t = Bidi::App)]
    bidi: Bidi,
    /// Show bidi formatting characters (LRM, RLO, isolates...) as visible marks.
    #[arg(long)]
    reveal: bool,
}

#[derive(Debug, Args)]
struct RenderArgs {
    /// Width in terminal cells.
    #[arg(long, short, default_value_t = 80, value_parser = clap::value_parser!(u16).range(1..))]
    width: u16,
    #[command(flatten)]
    text: TextArgs,
    /// The text to render; - or nothing reads stdin.
    file: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Instead of one record per article, print the speakers of all the articles merged across
    /// articles (by name and aliases), one JSON object per line, most quoted first.
    #[arg(long, conflicts_with = "format")]
    speakers: bool,
    #[command(flatten)]
    encoding: EncodingArg,
    /// Config file to read the `[corpus]` and `[attribution]` tables from (default: $RAWI_CONFIG,
    /// else ~/.config/rawi/config.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Articles: .txt files, folders, .jsonl corpora, or - for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Dir {
    Auto,
    Rtl,
    Ltr,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OnOff {
    On,
    Off,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Bidi {
    App,
    Terminal,
    Off,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Json,
    Text,
}

impl EncodingArg {
    /// Loading options: the JSON Lines keys of the config, and the encoding given here, else
    /// the config's.
    fn load_options(&self, corpus: &rawi::config::CorpusConfig) -> anyhow::Result<LoadOptions> {
        let name = self.encoding.as_ref().or(corpus.encoding.as_ref());
        let encoding = match name {
            Some(name) => Some(rawi::corpus::encoding_for_name(name).ok_or_else(|| {
                anyhow::anyhow!(
                    "unknown encoding `{name}` (try windows-1256, iso-8859-6, utf-8, utf-16le or utf-16be)"
                )
            })?),
            None => None,
        };
        Ok(LoadOptions {
            keys: corpus.keys.clone(),
            encoding,
            ..LoadOptions::default()
        })
    }
}

impl TextArgs {
    fn layout_options(&self) -> LayoutOptions {
        LayoutOptions {
            shape: matches!(self.shape, OnOff::On),
            dir: match self.dir {
                Dir::Auto => DirPolicy::Auto,
                Dir::Rtl => DirPolicy::Rtl,
                Dir::Ltr => DirPolicy::Ltr,
            },
            bidi: match self.bidi {
                Bidi::App => BidiMode::App,
                Bidi::Terminal => BidiMode::Terminal,
                Bidi::Off => BidiMode::Off,
            },
            reveal: self.reveal,
            ..LayoutOptions::default()
        }
    }
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // Errors quote file names and inputs: every line is made safe to print.
            eprintln!("Error: {}", display_safe_lines(&format!("{e:#}")));
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    // Plain styles: the only escape codes in a rendered error are then the user's, which
    // `exit_on_argument_error` shows as placeholders instead of stripping them unseen.
    let command = Cli::command().styles(clap::builder::Styles::plain());
    let matches = match command.try_get_matches() {
        Ok(m) => m,
        Err(e) => exit_on_argument_error(&e),
    };
    let cli = Cli::from_arg_matches(&matches)?;
    match cli.command {
        Some(Command::Render(args)) => render(&args),
        Some(Command::Extract(args)) => extract(&args),
        None => read(&cli.read, &matches),
    }
}

/// clap's help, version and argument errors, printed as clap would but made safe: an argument
/// value it quotes (a file name such as `--\e]52;c;...\a.txt` in `rawi extract *`, or
/// `--width $'\e]0;T\a'`) must not reach the terminal as an escape sequence.
fn exit_on_argument_error(e: &clap::Error) -> ! {
    let text = display_safe_lines(&e.render().ansi().to_string());
    if e.use_stderr() {
        eprintln!("{text}");
    } else {
        println!("{text}");
    }
    std::process::exit(e.exit_code())
}

/// [`display_safe`] line by line: controls become placeholders, the line breaks stay.
fn display_safe_lines(text: &str) -> String {
    text.lines()
        .map(display_safe)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The reader: config (defaults, file, then the flags given), articles, then the TUI.
fn read(args: &ReadArgs, matches: &ArgMatches) -> anyhow::Result<()> {
    let loaded = rawi::config::load(args.config.as_deref());
    let mut config = loaded.config;
    for problem in &loaded.problems {
        // Keys and values quoted from the file may hold controls: shown as placeholders.
        eprintln!("rawi: config: {}", display_safe(&problem.to_string()));
    }
    let notice = loaded.problems.first().map(|p| {
        let more = loaded.problems.len() - 1;
        let more = if more > 0 {
            format!(" (and {more} more)")
        } else {
            String::new()
        };
        format!("config: {p}{more}")
    });
    // Flags given on the command line win over the config file.
    let given = |id: &str| matches.value_source(id) == Some(ValueSource::CommandLine);
    let opts = args.text.layout_options();
    let reader = &mut config.reader;
    if given("dir") {
        reader.dir = opts.dir;
    }
    if given("shape") {
        reader.shape = opts.shape;
    }
    if given("bidi") {
        reader.bidi = opts.bidi;
    }
    if given("reveal") {
        reader.reveal = opts.reveal;
    }
    if args.mouse {
        reader.mouse = true;
    }
    let opts = args.encoding.load_options(&config.corpus)?;
    // Checked before the articles are read (after the config's problems are printed): the
    // reader would wait on a blank screen for an article typed at the keyboard.
    if args.paths.iter().any(|p| p.as_os_str() == "-") && io::stdin().is_terminal() {
        anyhow::bail!(
            "`-` reads an article from stdin, but stdin is the terminal: pipe one in \
             (`cat article.txt | rawi -`)"
        );
    }
    // A FIFO or a device named on the command line would be opened before the first frame and
    // could block it for good (a FIFO waits for a writer): the reader refuses them; `rawi
    // extract` and `rawi -` read them.
    let mut paths = Vec::with_capacity(args.paths.len());
    for path in &args.paths {
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() && path.as_os_str() != "-" => {
                let shown = display_safe(&path.display().to_string()).into_owned();
                anyhow::bail!(
                    "{shown}: not a regular file (a FIFO or a device); the reader opens files \
                     and folders: pipe it in instead (`rawi - < {shown}`)"
                );
            }
            _ => paths.push(path.clone()),
        }
    }
    let ended = rawi::tui::run(paths, opts, &config, notice)?;
    // The terminal is back: what could not be opened or saved, on stderr.
    for message in &ended.messages {
        eprintln!("rawi: {}", display_safe_lines(message));
    }
    match ended.exit {
        rawi::tui::event_loop::Exit::Signal(signal) => std::process::exit(128 + signal),
        _ => Ok(()),
    }
}

fn render(args: &RenderArgs) -> anyhow::Result<()> {
    let opts = args.text.layout_options();
    let mut stdout = WriteTracked::new(io::stdout().lock());
    match &args.file {
        Some(path) if path.as_os_str() != "-" => {
            let shown = display_safe(&path.display().to_string()).into_owned();
            if path.is_dir() {
                anyhow::bail!(
                    "render: {shown}: is a folder; `rawi render` reads one file (or - for stdin)"
                );
            }
            let file = std::fs::File::open(path).with_context(|| format!("render: {shown}"))?;
            rendered(BufReader::new(file), &mut stdout, args.width, &opts)
                .with_context(|| write_or_read(&stdout, &shown))
        }
        _ => rendered(io::stdin().lock(), &mut stdout, args.width, &opts)
            .with_context(|| write_or_read(&stdout, "stdin")),
    }
}

fn rendered(
    input: impl io::BufRead,
    out: &mut WriteTracked<impl Write>,
    width: u16,
    opts: &LayoutOptions,
) -> io::Result<()> {
    rawi::render::render(input, out, width, opts).or_else(ignore_broken_pipe)
}

/// What a failed `render` could not do: write its output, or read `input`.
fn write_or_read<W>(out: &WriteTracked<W>, input: &str) -> String {
    if out.failed {
        "render: cannot write the output to stdout".to_string()
    } else {
        format!("render: cannot read {input}")
    }
}

/// A writer that remembers whether a write failed, so that an error can say it was the output
/// (`rawi render > /dev/full`) and not the input.
struct WriteTracked<W> {
    inner: W,
    failed: bool,
}

impl<W> WriteTracked<W> {
    fn new(inner: W) -> Self {
        WriteTracked {
            inner,
            failed: false,
        }
    }
}

impl<W: Write> Write for WriteTracked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|_| self.failed = true)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().inspect_err(|_| self.failed = true)
    }
}

fn extract(args: &ExtractArgs) -> anyhow::Result<()> {
    let loaded = rawi::config::load(args.config.as_deref());
    for problem in &loaded.problems {
        eprintln!(
            "rawi extract: config: {}",
            display_safe(&problem.to_string())
        );
    }
    // A config problem (a word list that does not load) changes the output: it counts.
    let config_problems = loaded.problems.len();
    let opts = args.encoding.load_options(&loaded.config.corpus)?;
    let extractor = loaded.config.attribution.extractor();
    if args.speakers {
        return extract_speakers(args, &opts, extractor, config_problems);
    }
    let format = match args.format {
        Format::Jsonl => rawi::extract::Format::Jsonl,
        Format::Json => rawi::extract::Format::Json,
        Format::Text => rawi::extract::Format::Text,
    };
    let mut stdout = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let problems = rawi::extract::run(&args.paths, format, &opts, extractor, &mut stdout)
        .or_else(|e| ignore_broken_pipe(e).map(|()| 0))
        // Inputs that cannot be read are reported one by one above: this is the output.
        .context("extract: cannot write the output to stdout")?
        + config_problems;
    if problems > 0 {
        // Each was reported on its own line above; the status says the output is incomplete.
        anyhow::bail!(
            "{} with the inputs or the config, see above",
            problems_counted(problems)
        );
    }
    Ok(())
}

/// `rawi extract --speakers`: the corpus-wide speaker index as JSON Lines.
fn extract_speakers(
    args: &ExtractArgs,
    opts: &LoadOptions,
    extractor: &rawi::attribution::Extractor,
    config_problems: usize,
) -> anyhow::Result<()> {
    let mut stdout = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let extract = |text: &str| extractor.extract(text);
    let library =
        match rawi::index::write_speakers_of_paths(&args.paths, opts, &extract, &mut stdout) {
            Ok(library) => library,
            Err(e) => {
                return ignore_broken_pipe(e)
                    .context("extract --speakers: cannot write the output to stdout");
            }
        };
    // As for `extract`: every problem on its own line, and the status says the output may be
    // incomplete (lossy decoding included).
    let problems = library.problems();
    for problem in problems {
        eprintln!("rawi extract: {}", display_safe(&problem.to_string()));
    }
    let count = problems.len() + config_problems;
    if count > 0 {
        anyhow::bail!(
            "{} with the inputs or the config, see above",
            problems_counted(count)
        );
    }
    Ok(())
}

/// "1 problem", "2 problems".
fn problems_counted(n: usize) -> String {
    format!("{n} problem{}", if n == 1 { "" } else { "s" })
}

/// A closed pipe (`rawi render | head`) is a normal end, not an error.
fn ignore_broken_pipe(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}
