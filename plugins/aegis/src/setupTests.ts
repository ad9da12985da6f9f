import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Whole pages take seconds to settle in jsdom on a busy two-core machine with
// a cold transform cache; findBy queries wait that long before giving up.
configure({ asyncUtilTimeout: 15_000 });
