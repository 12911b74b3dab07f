# unittest's runner end to end: passes, failures with diffs, errors, skips,
# expected failures, subtests, setUp/tearDown order and the method docstrings.
import io
import re
import unittest

log = []


class T(unittest.TestCase):
    def setUp(self):
        log.append("setUp " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown " + self._testMethodName)

    def test_ok(self):
        """Adds numbers."""
        self.assertEqual(1 + 1, 2)
        self.assertIn(3, [1, 2, 3])
        with self.assertRaises(ZeroDivisionError):
            1 / 0

    def test_fail(self):
        self.assertEqual([1, 2, {"a": 1}], [1, 3, {"a": 2}])

    def test_error(self):
        raise ValueError("boom")

    @unittest.skip("not now")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)


stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
out = re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests", stream.getvalue())
out = re.sub(r'File ".*?([a-z_]+\.py)"', r'File "\1"', out)
print(out)
print(result.wasSuccessful(), result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures))
print(log)
