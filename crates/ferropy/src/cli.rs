//! Command-line parsing with `python3`'s options, messages and exit status 2 for a
//! bad command line, plus the environment variables CPython reads.

use vm::Config;

pub enum Action {
    Command(String),
    Module(String),
    Script(String),
    Stdin,
    Repl,
}

pub struct Options {
    pub config: Config,
    pub action: Action,
    pub skip_first_line: bool,
}

const HELP: &str = include_str!("help.txt");

fn prog() -> String {
    std::env::args_os().next().map_or_else(|| "ferropy".into(), |a| a.to_string_lossy().into_owned())
}

fn usage_error(msg: &str) -> i32 {
    eprintln!("{msg}");
    eprintln!("usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...", prog());
    eprintln!("Try `python -h' for more information.");
    2
}

pub fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => {
            let mut out = cwd;
            for comp in p.components() {
                match comp {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    c => out.push(c),
                }
            }
            out.to_string_lossy().into_owned()
        }
        Err(_) => path.to_string(),
    }
}

fn env(cfg: &Config, name: &str) -> Option<String> {
    if cfg.ignore_environment {
        return None;
    }
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Parses `argv`; Err(exit code) when the process should stop (help, version,
/// errors).
pub fn parse(argv: &[String]) -> Result<Options, i32> {
    let mut cfg = Config { executable: std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default(), ..Default::default() };
    cfg.orig_argv = argv.to_vec();
    let mut i = 1;
    let mut action = None;
    let mut skip_first_line = false;
    let mut version = 0;
    let mut optimize = 0u8;
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            i += 1;
            break;
        }
        if a == "-" {
            break;
        }
        if !a.starts_with('-') {
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "help" => {
                    print!("{}", HELP.replace("{PROG}", &prog()));
                    return Err(0);
                }
                "version" => version += 1,
                "jit" => {
                    i += 1;
                    if i >= argv.len() {
                        return Err(usage_error("Argument expected for the --jit option"));
                    }
                }
                "check-hash-based-pycs" => i += 1,
                _ => return Err(usage_error(&format!("unknown option {a}"))),
            }
            i += 1;
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            let rest: String = chars[j + 1..].iter().collect();
            let mut take_arg = |name: char| -> Result<String, i32> {
                if !rest.is_empty() {
                    j = chars.len();
                    return Ok(rest.clone());
                }
                i += 1;
                j = chars.len();
                argv.get(i).cloned().ok_or_else(|| usage_error(&format!("Argument expected for the -{name} option")))
            };
            match c {
                'c' => {
                    let cmd = take_arg('c')?;
                    action = Some(Action::Command(cmd));
                }
                'm' => {
                    let m = take_arg('m')?;
                    action = Some(Action::Module(m));
                }
                'W' => {
                    let w = take_arg('W')?;
                    cfg.warnoptions.push(w);
                }
                'X' => {
                    let x = take_arg('X')?;
                    cfg.xoptions.push(x);
                }
                'B' => cfg.dont_write_bytecode = true,
                'E' => cfg.ignore_environment = true,
                'I' => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                    cfg.no_user_site = true;
                    cfg.safe_path = true;
                }
                'P' => cfg.safe_path = true,
                'O' => optimize += 1,
                'S' => cfg.no_site = true,
                's' => cfg.no_user_site = true,
                'u' => cfg.unbuffered = true,
                'v' => cfg.verbose += 1,
                'q' => cfg.quiet = true,
                'b' => cfg.bytes_warning += 1,
                'd' => {}
                'i' => {
                    cfg.inspect = true;
                    cfg.interactive = true;
                }
                'x' => skip_first_line = true,
                'V' => version += 1,
                'h' | '?' => {
                    print!("{}", HELP.replace("{PROG}", &prog()));
                    return Err(0);
                }
                _ => return Err(usage_error(&format!("Unknown option: -{c}"))),
            }
            j += 1;
            if action.is_some() {
                break;
            }
        }
        i += 1;
        if action.is_some() {
            break;
        }
    }
    if version > 0 {
        println!("Python 3.11.7");
        return Err(0);
    }
    let rest: Vec<String> = argv[i.min(argv.len())..].to_vec();
    cfg.argv_tail = rest.len();
    let action = match action {
        Some(a) => {
            let first = match &a {
                Action::Command(_) => "-c".to_string(),
                Action::Module(_) => "-m".to_string(),
                _ => String::new(),
            };
            cfg.argv = std::iter::once(first).chain(rest.iter().cloned()).collect();
            a
        }
        None => match rest.first() {
            Some(s) if s == "-" => {
                cfg.argv = rest.clone();
                Action::Stdin
            }
            Some(s) => {
                cfg.argv = rest.clone();
                Action::Script(s.clone())
            }
            None => {
                cfg.argv = vec![String::new()];
                // `-i` forces the prompt loop even when stdin is not a terminal.
                if cfg.inspect || std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                    cfg.interactive = true;
                    Action::Repl
                } else {
                    Action::Stdin
                }
            }
        },
    };
    cfg.path0 = Some(match &action {
        Action::Script(s) => {
            let abs = absolute(s);
            let p = std::path::Path::new(&abs);
            if p.is_dir() {
                abs
            } else {
                p.parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default()
            }
        }
        Action::Module(_) => std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default(),
        _ => String::new(),
    });
    if let Action::Script(s) = &action {
        let abs = absolute(s);
        if std::fs::metadata(&abs).is_err() {
            eprintln!("{}: can't open file '{abs}': [Errno 2] No such file or directory", prog());
            return Err(2);
        }
    }
    apply_env(&mut cfg, optimize)?;
    Ok(Options { config: cfg, action, skip_first_line })
}

/// The digit limit from `-X int_max_str_digits=N` (which wins) or
/// PYTHONINTMAXSTRDIGITS: 0 or at least 640.
fn int_max_str_digits(cfg: &Config) -> Result<Option<u32>, i32> {
    let x = cfg.xoptions.iter().rev().find_map(|x| x.strip_prefix("int_max_str_digits").map(|v| v.trim_start_matches('=').to_string()));
    let (source, value) = match (x, env(cfg, "PYTHONINTMAXSTRDIGITS")) {
        (Some(v), _) => ("-X int_max_str_digits", v),
        (None, Some(v)) => ("PYTHONINTMAXSTRDIGITS", v),
        (None, None) => return Ok(None),
    };
    match value.parse::<u32>() {
        Ok(n) if n == 0 || (640..=i32::MAX as u32).contains(&n) => Ok(Some(n)),
        _ => {
            eprintln!("Fatal Python error: config_init_int_max_str_digits: {source}: invalid limit; must be >= 640 or 0 for unlimited.");
            eprintln!("Python runtime state: preinitialized");
            eprintln!();
            Err(1)
        }
    }
}

fn apply_env(cfg: &mut Config, optimize: u8) -> Result<(), i32> {
    let env_opt = env(cfg, "PYTHONOPTIMIZE").map(|v| v.parse::<u8>().unwrap_or(1)).unwrap_or(0);
    cfg.optimize = optimize.max(env_opt);
    if env(cfg, "PYTHONDONTWRITEBYTECODE").is_some() {
        cfg.dont_write_bytecode = true;
    }
    if env(cfg, "PYTHONUNBUFFERED").is_some() {
        cfg.unbuffered = true;
    }
    if env(cfg, "PYTHONINSPECT").is_some() {
        cfg.inspect = true;
    }
    if let Some(p) = env(cfg, "PYTHONPATH") {
        cfg.pythonpath = p.split(':').filter(|s| !s.is_empty()).map(|s| absolute(s)).collect();
    }
    if env(cfg, "PYTHONSAFEPATH").is_some() {
        cfg.safe_path = true;
    }
    if let Some(w) = env(cfg, "PYTHONWARNINGS") {
        // Its comma-separated options come before the -W ones.
        let mut opts: Vec<String> = w.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        opts.append(&mut cfg.warnoptions);
        cfg.warnoptions = opts;
    }
    cfg.hash_seed = match env(cfg, "PYTHONHASHSEED") {
        None => None,
        Some(s) if s == "random" => None,
        Some(s) => match s.parse::<u64>() {
            Ok(n) if n <= 4294967295 => Some(n),
            _ => {
                eprintln!("Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
                eprintln!("Python runtime state: preinitialized");
                eprintln!();
                return Err(1);
            }
        },
    };
    cfg.int_max_str_digits = int_max_str_digits(cfg)?;
    for x in cfg.xoptions.clone() {
        if x == "dev" {
            cfg.dev_mode = true;
        }
        if x == "utf8" || x == "utf8=1" {
            cfg.utf8_mode = true;
        }
    }
    Ok(())
}
