PHONES = ["+33666666661", "+33666666662", "+14155550123"]


def scenario(run):
    import importlib.util
    import pathlib

    # "numbers" is also a standard-library module: load the program's file under another name
    spec = importlib.util.spec_from_file_location("numbers_program", pathlib.Path(__file__).with_name("numbers.py"))
    program = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(program)
    if run.side == "v1":
        run.fake.set_lookup(PHONES[1], line_type="FixedLine", number_ported=True)
    else:
        run.fake.set_lookup(PHONES[1], line_type="fixed_line", flags=["ported"])
    sdk = run.step("client", lambda: program.make_client(run.key))
    infos = run.step("lookup", lambda: program.fetch(sdk, PHONES))
    run.step("line-type", lambda: program.mobile_numbers(infos))
    run.step("line-type-dict", lambda: program.types_by_number(infos))
    run.step("ported", lambda: program.ported_numbers(infos))
    run.step("carriers", lambda: program.carriers(infos))
